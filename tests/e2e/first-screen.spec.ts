import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

test("the login page is in Vietnamese", async ({ page }, testInfo) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { name: "Tiến độ định danh điện tử" })).toBeVisible();
  await screenshot(page, testInfo, "login");
});

test("a signed-out visitor is sent to the login page", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password is refused with a Vietnamese message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("tinh");
  await page.getByLabel("Mật khẩu").fill("not-the-password");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await expect(page).toHaveURL(/\/login/);
});

test("a provincial official sees the 18 districts with their activated share of target", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tỉnh Quảng Nam");
  await page.goto("/rankings");
  const rows = page.getByTestId("ranking-table").locator("tbody tr");
  await expect(rows).toHaveCount(18);
  await expect(page.getByTestId("ranking-table")).toContainText("Huyện Núi Thành");
  // Vietnamese formatting: percentages with a comma; thousands with dots, dd/mm/yyyy dates (desktop columns).
  const first = rows.first();
  await expect(first.locator("td").nth(0)).toHaveText("1");
  await expect(first.locator("td").nth(4)).toHaveText(/^\d{1,3},\d{2}%$/);
  if (testInfo.project.name === "desktop") {
    await expect(first.locator("td").nth(2)).toHaveText(/^\d{1,3}(\.\d{3})+$/);
    await expect(first.locator("td").nth(7)).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
  }
  await screenshot(page, testInfo, "dashboard");
});

test("a district officer sees only the communes of their district", async ({ page }) => {
  await signIn(page, "nuithanh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Huyện Núi Thành");
  await page.goto("/rankings");
  await expect(page.getByTestId("ranking-table").locator("tbody tr")).toHaveCount(17);
  await expect(page.getByTestId("ranking-table").locator("tbody")).not.toContainText("Huyện");
});

test("pages load nothing from outside the machine (fonts, scripts, data)", async ({ page, baseURL }) => {
  const outside: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.origin !== new URL(baseURL!).origin) outside.push(request.url());
  });
  await signIn(page, "tinh");
  await page.waitForLoadState("networkidle");
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  expect(outside).toEqual([]);
});

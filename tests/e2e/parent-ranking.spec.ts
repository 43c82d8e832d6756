import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, screenshot, signIn } from "./helpers";

// Issue 24 point 8, "where do I stand?": district and commune officers read their parent's
// ranking (names, percents, ranks, praise and criticism) with their own row marked, and open
// no sibling; a commune officer's overview opens their commune. Point 5: a district
// officer's first screen after sign-in on a phone is entry; on a desktop the overview.

async function signInByHand(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

test("a district officer lands on entry on a phone, on the overview on a desktop", async ({ page }, testInfo) => {
  await signInByHand(page, "nuithanh");
  if (testInfo.project.name === "phone-360") {
    await expect(page).toHaveURL(/\/entry$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Nhập số liệu ngày");
    await expect(page.locator("fieldset").first().locator("input").first()).toBeInViewport();
  } else {
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Huyện Núi Thành");
  }
  await screenshot(page, testInfo, "district-landing");
  // the overview stays reachable on a phone: only sign-in lands on entry
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Huyện Núi Thành");
});

test("a commune officer lands on their own overview whatever the width", async ({ page }) => {
  await signInByHand(page, "tamnghia");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Tam Nghĩa");
});

test("a district officer sees the province's districts ranked, their own row marked, and opens no sibling", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  await page.getByTestId("parent-ranking").click();
  await expect(page).toHaveURL(/\/units\/49\/rankings/);
  const table = page.getByTestId("ranking-table");
  await expect(table.locator("tbody tr")).toHaveCount(18);
  const own = table.locator('tr[data-unit="517"]');
  await expect(own).toHaveAttribute("data-own", "true");
  await expect(own.getByTestId("your-unit")).toHaveText("Đơn vị của bạn");
  await expect(own.locator("td").first()).toHaveText(/^\d+$/);
  await expect(table.locator("tr[data-own]")).toHaveCount(1);
  // names and percents of every district, the praise and criticism of that ranking
  await expect(table.locator('tr[data-unit="502"] td').nth(4)).toHaveText(/%$/);
  await expect(page.getByTestId("praise-sentence")).not.toBeEmpty();
  // only their own row opens a page; the province opens nothing but this ranking
  await expect(own.getByRole("link", { name: "Huyện Núi Thành" })).toBeVisible();
  await expect(table.locator('tr[data-unit="502"]').getByRole("link")).toHaveCount(0);
  const tabs = page.getByRole("main").getByRole("link", { name: /^(Tổng quan|Tình hình báo cáo|Bản đồ)$/ });
  await expect(tabs).toHaveCount(0);
  await screenshot(page, testInfo, "district-parent-ranking");
  await page.goto("/units/502");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Bạn không có quyền xem đơn vị này.");
  await page.goto("/units/49");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Bạn không có quyền xem đơn vị này.");
});

test("a commune officer reaches their district's ranking from their commune, their own row marked", async ({ page }, testInfo) => {
  await signIn(page, "tamnghia");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Tam Nghĩa");
  await screenshot(page, testInfo, "commune-own-overview");
  await page.getByTestId("parent-ranking").click();
  await expect(page).toHaveURL(/\/units\/517\/rankings/);
  const table = page.getByTestId("ranking-table");
  await expect(table.locator("tbody tr")).toHaveCount(17);
  await expect(table.locator('tr[data-unit="21001"]')).toHaveAttribute("data-own", "true");
  await expect(table.locator("tr[data-own]")).toHaveCount(1);
  await screenshot(page, testInfo, "commune-parent-ranking");
});

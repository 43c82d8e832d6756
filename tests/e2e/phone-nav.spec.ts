import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

// Issue 24, points 5 and 13: on a phone every link of a role is reachable from one menu
// button (keyboard and screen reader), the main task sits on the first screen, and the
// account's links (change password; API tokens only for the roles that send figures).

const DISTRICT_LINKS = ["Tổng quan", "Xếp hạng", "Tình hình báo cáo", "Bản đồ", "Báo cáo tuần", "Nhập số liệu", "Nhập từ tệp", "Mã truy cập API", "Đổi mật khẩu"];

test("a district officer reaches every link of the navigation, and entry from the first screen", async ({ page }, testInfo) => {
  const phone = testInfo.project.name === "phone-360";
  const viewport = page.viewportSize()!;
  await signIn(page, "nuithanh");
  const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
  const list = nav.getByRole("list");
  const menu = nav.getByRole("button", { name: /Danh mục/ });
  if (phone) {
    await expect(list).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    // The main task, on the first screen, without opening anything.
    const task = nav.getByRole("link", { name: "Nhập số liệu" });
    await expect(task).toBeInViewport();
    await screenshot(page, testInfo, "nav-closed");
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
  } else {
    await expect(menu).toBeHidden();
  }
  await expect(list.getByRole("link")).toHaveText(DISTRICT_LINKS);
  for (const link of await list.getByRole("link").all()) {
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  }
  await screenshot(page, testInfo, "nav-open");
  if (phone) {
    // Escape closes the list and gives the focus back to the button.
    await list.getByRole("link", { name: "Bản đồ" }).focus();
    await page.keyboard.press("Escape");
    await expect(list).toBeHidden();
    await expect(menu).toBeFocused();
    // Following a link closes it too.
    await menu.click();
    await list.getByRole("link", { name: "Nhập số liệu" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Nhập số liệu ngày");
    await expect(list).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  } else {
    await list.getByRole("link", { name: "Nhập số liệu" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Nhập số liệu ngày");
  }
  // The entry page's first screen shows the grid's first commune, not only its filters.
  await expect(page.locator("fieldset").first().locator("input").first()).toBeInViewport();
  await screenshot(page, testInfo, "entry-first-screen");
});

test("a provincial official has the change-password link and no API tokens", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
  const menu = nav.getByRole("button", { name: /Danh mục/ });
  if (testInfo.project.name === "phone-360") await menu.click();
  const list = nav.getByRole("list");
  await expect(list.getByRole("link", { name: "Mã truy cập API" })).toHaveCount(0);
  await list.getByRole("link", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đổi mật khẩu");
  await screenshot(page, testInfo, "change-password");
});

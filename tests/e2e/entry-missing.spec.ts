import { expect, test, type TestInfo } from "@playwright/test";
import { addDays } from "@/lib/domain/dates";
import { QUANG_NAM_DAY, screenshot, signIn } from "./helpers";

// Issue 24, points 6, 7 and 13: warnings while typing, the way to what is missing, focus
// after a refused save, and the audit's words.

/** A day of this spec's own, before the demo's 90 days, different in each project. */
const ownDay = (testInfo: TestInfo) => addDays(QUANG_NAM_DAY, testInfo.project.name === "desktop" ? -250 : -270);
const dmy = (day: string) => day.split("-").reverse().join("/");

test("the communes not reported link to their block, and a filter shows only them", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  await page.goto(`/entry?date=${QUANG_NAM_DAY}`);
  const missing = page.getByTestId("missing");
  await expect(missing).toContainText(/Còn \d+\/17 đơn vị chưa báo cáo/);
  const links = missing.getByRole("link");
  const count = await links.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(17);
  const name = (await links.first().innerText()).trim();
  await links.first().click();
  await expect(page).toHaveURL(/#unit-\d+$/);
  const block = page.locator("fieldset", { has: page.locator("legend", { hasText: name }) });
  await expect(block).toBeInViewport();
  await expect(block.locator("input").first()).toBeInViewport();
  await page.getByLabel("Chỉ hiện đơn vị chưa báo cáo").check();
  await expect(page.locator("fieldset:visible")).toHaveCount(count);
  await expect(page.locator("fieldset:visible legend").first()).toContainText("Chưa báo cáo");
  await screenshot(page, testInfo, "entry-only-missing");
  await page.getByLabel("Chỉ hiện đơn vị chưa báo cáo").uncheck();
  await expect(page.locator("fieldset:visible")).toHaveCount(17);
});

test("funnel and negative values are flagged while typing, before any save, without moving the grid; a refused save puts the focus on the first cell in error", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  const day = ownDay(testInfo);
  await page.goto(`/entry?date=${day}`);
  const first = page.locator("fieldset").first();
  const unit = (await first.locator("legend").evaluate((el) => el.firstChild?.textContent ?? "")).trim();
  // By the row's header: a warning's words name other metrics too.
  const row = (metric: string) => first.locator("tr").filter({ has: page.getByRole("rowheader", { name: metric, exact: true }) });
  const previous = async (metric: string) => Number((await row(metric).locator("td").first().innerText()).replace(/\./g, ""));
  const box = (metric: string) => page.getByLabel(`${metric} trong ngày, ${unit}`, { exact: true });
  const second = page.locator("fieldset").nth(1);
  // Where the next block starts in the page (not on the screen: filling a box may scroll).
  const top = () => second.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const before = await top();

  const accounts = await previous("Tài khoản định danh điện tử");
  const activated = await previous("Tài khoản đã kích hoạt");
  await box("Tài khoản đã kích hoạt").fill(String(accounts - activated + 10));
  const warned = row("Tài khoản đã kích hoạt").locator("[data-warning]");
  await expect(warned).toBeVisible();
  const describedBy = (await box("Tài khoản đã kích hoạt").getAttribute("aria-describedby"))!;
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(/Tài khoản đã kích hoạt lũy kế \([\d.]+\) lớn hơn Tài khoản định danh điện tử lũy kế \([\d.]+\)\./);
  await box("Hồ sơ định danh điện tử").fill("-2");
  await expect(row("Hồ sơ định danh điện tử").locator("[data-warning]")).toBeVisible();
  const warnings = page.getByTestId("warnings");
  await expect(warnings).toContainText(`${unit}: Hồ sơ định danh điện tử không được là số âm (-2).`);
  await expect(warnings).toContainText(`${unit}: Tài khoản đã kích hoạt lũy kế`);
  await expect(page.getByRole("status").filter({ has: warnings })).toHaveAttribute("aria-live", "polite");
  // Nothing moved: the next commune's block is where it was.
  expect(await top()).toBe(before);
  await first.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, "entry-warnings");

  await page.getByRole("button", { name: "Lưu tất cả" }).click();
  await expect(box("Hồ sơ định danh điện tử")).toHaveAttribute("aria-invalid", "true");
  await expect(box("Hồ sơ định danh điện tử")).toBeFocused();
  await screenshot(page, testInfo, "entry-refused-focus");

  // Corrected, the warnings go and the save goes through; the history names the commune.
  await box("Hồ sơ định danh điện tử").fill("3");
  await box("Tài khoản định danh điện tử").fill("2");
  await box("Tài khoản đã kích hoạt").fill("1");
  await expect(warnings).toHaveCount(0);
  await page.getByRole("button", { name: "Lưu tất cả" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Đã lưu 3 ô số liệu/ })).toBeVisible();
  await first.getByRole("link", { name: "Lịch sử" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Lịch sử số liệu: ${unit}`);
  await expect(page.locator("tbody tr").first().locator("td").nth(3)).toHaveText(new RegExp(`^${unit} · (Hồ sơ định danh điện tử|Tài khoản định danh điện tử|Tài khoản đã kích hoạt) · ${dmy(day)}$`));
  await screenshot(page, testInfo, "entry-history-named");
});

test("a commune officer's own commune, reported, is named, not 'all 1 units'", async ({ page }) => {
  await signIn(page, "tamnghia");
  const day = addDays(QUANG_NAM_DAY, -3);
  await page.goto(`/entry?date=${day}`);
  await expect(page.getByTestId("missing")).toHaveText(`Xã Tam Nghĩa đã báo cáo ngày ${dmy(day)}.`);
});

test("the audit log in words: sign-ins' addresses and figures' items by name and date", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await page.goto("/audit?action=login");
  const cells = page.locator("tbody tr").first().locator("td");
  await expect(cells.nth(5)).toHaveText(/^địa chỉ: /);
  await expect(page.locator("tbody")).not.toContainText('{"');
  await screenshot(page, testInfo, "audit-login");
  await page.goto("/audit?action=figure");
  const items = await page.locator("tbody tr td:nth-child(4)").allInnerTexts();
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) expect(item).toMatch(/^[^:]+ · [^:]+ · \d\d\/\d\d\/\d{4}$/);
});

test("the reporting page's words do not clash with the progress status, nor its tab with the menu", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await page.goto("/reporting");
  const tabs = page.getByRole("navigation", { name: "Màn hình của đơn vị" });
  await expect(tabs.getByRole("link", { name: "Báo cáo", exact: true })).toHaveCount(0);
  await expect(tabs.getByRole("link", { name: "Tình hình báo cáo", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.locator("[data-group] li").first()).toContainText(/ngày không báo cáo|chưa từng báo cáo/);
  await expect(page.locator("[data-group]").first()).not.toContainText("chậm");
  await screenshot(page, testInfo, "reporting-words");
});

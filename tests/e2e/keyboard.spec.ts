import { expect, test, type Page } from "@playwright/test";
import { addDays } from "@/lib/domain/dates";
import { QUANG_NAM_DAY, signIn } from "./helpers";

// Keyboard-only paths through entry and reports (the sign-in one is in accessibility.spec.ts):
// only Tab, arrows, typing and Enter, and every control reached shows where the focus is.

/** Presses Tab until `target` has the focus, checking each stop's focus is visible. */
async function tabTo(page: Page, target: (el: { tag: string; label: string; name: string; html: string }) => boolean, limit = 400): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      // A native control's own inner part (the date field's calendar button) has the focus
      // when the field reports it no longer matches :focus; the browser draws that ring.
      if (!el || el === document.body || !el.matches(":focus")) return null;
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
      return { tag: el.tagName.toLowerCase(), label: el.getAttribute("aria-label") ?? "", name: (el.textContent ?? "").trim(), visible, html: el.outerHTML.slice(0, 120) };
    });
    if (!focused) continue;
    expect(focused.visible, `focus is visible on ${focused.html}`).toBe(true);
    if (target(focused)) return;
  }
  throw new Error("The control was not reached with the Tab key.");
}

test("a district officer enters and saves a day's figure with the keyboard alone", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  const day = addDays(QUANG_NAM_DAY, testInfo.project.name === "desktop" ? -160 : -180);
  await page.goto(`/entry?date=${day}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nhập số liệu ngày");
  await tabTo(page, (el) => el.tag === "input" && el.label.startsWith("Hồ sơ định danh điện tử trong ngày"));
  await page.keyboard.type("6");
  await tabTo(page, (el) => el.tag === "button" && el.name === "Lưu tất cả");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /./ }).first()).toContainText("Đã lưu 1 ô số liệu.");
});

test("a district officer switches to cumulative totals with the arrow keys and saves one", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  const day = addDays(QUANG_NAM_DAY, testInfo.project.name === "desktop" ? -165 : -185);
  await page.goto(`/entry?date=${day}`);
  await tabTo(page, (el) => el.html.includes('type="radio"'));
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Lũy kế" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Lũy kế" })).toBeFocused();
  const unit = (await page.locator("fieldset legend").first().evaluate((el) => el.firstChild?.textContent ?? "")).trim();
  const row = page.locator("fieldset", { hasText: unit }).locator("tr", { hasText: "Hồ sơ định danh điện tử" });
  const previous = Number((await row.locator("td").first().innerText()).replace(/\./g, ""));
  await tabTo(page, (el) => el.tag === "input" && el.label === `Hồ sơ định danh điện tử lũy kế, ${unit}`);
  await page.keyboard.type(String(previous + 4));
  await expect(row.locator("td").nth(1)).toHaveText("4");
  await tabTo(page, (el) => el.tag === "button" && el.name === "Lưu tất cả");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /./ }).first()).toContainText("Đã lưu 1 ô số liệu.");
});

test("a leader downloads the weekly report with the keyboard alone", async ({ page }) => {
  await signIn(page, "lanhdao");
  await page.goto("/reports/weekly");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await tabTo(page, (el) => el.tag === "a" && el.name.startsWith("Excel"));
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
});

// Dates, weeks and files as Vietnamese write them, in a browser whose own language is English
// (where native boxes would show "mm/dd/yyyy", "Week 48, 2026" and "Choose File").
import { expect, test } from "@playwright/test";
import { addDays } from "@/lib/domain/dates";
import { formatDay } from "@/lib/domain/format";
import { formatIsoWeek, lastCompleteWeek, shiftWeek } from "@/lib/domain/weeks";
import { QUANG_NAM_DAY, QUANG_NAM_NOW, screenshot, signIn } from "./helpers";

test.use({ locale: "en-US" });

test("the view's date reads and writes dd/mm/yyyy by keyboard, and says what is wrong with 31/02", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await page.goto("/units/49/rankings");
  const box = page.getByRole("textbox", { name: "Số liệu đến ngày" });
  await expect(box).toHaveValue(formatDay(QUANG_NAM_DAY));
  await expect(box).toHaveAttribute("placeholder", "dd/mm/yyyy");

  await box.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("31/02/2026");
  await page.keyboard.press("Tab");
  await expect(page.getByText("Tháng 02/2026 không có ngày 31.")).toBeVisible();
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, testInfo, "date-input-invalid");

  const day = addDays(QUANG_NAM_DAY, -3);
  await box.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(formatDay(day));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`asOf=${day}`));
  await expect(page.getByRole("textbox", { name: "Số liệu đến ngày" })).toHaveValue(formatDay(day));
});

test("the weekly report's week reads 'Week 48/2026' in English and refuses a week 53 the year lacks", async ({ page, context, baseURL }, testInfo) => {
  await signIn(page, "lanhdao");
  await context.addCookies([{ name: "vneid-locale", value: "en", url: baseURL! }]);
  const week = lastCompleteWeek(QUANG_NAM_NOW);
  await page.goto(`/reports/weekly?unit=49&week=${formatIsoWeek(week)}`);
  const form = page.getByRole("navigation", { name: "Choose a week" });
  const box = form.getByRole("textbox");
  await expect(box).toHaveValue(`${week.week}/${week.year}`);
  // "Week" before the box, week/year in it: "Week 48/2026"
  await expect(form.getByText("Week", { exact: true })).toBeVisible();
  await box.fill("53/2025");
  await box.blur();
  await expect(form.getByText("2025 has only 52 weeks.")).toBeVisible();
  await screenshot(page, testInfo, "week-input-en");

  const before = shiftWeek(week, -2);
  await box.fill(`${before.week}/${before.year}`);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`week=${formatIsoWeek(before)}`));
});

test("the file box's button and 'no file' come from the catalogue, in either language", async ({ page, context, baseURL }, testInfo) => {
  await signIn(page, "nuithanh");
  await page.goto("/import");
  const field = page.locator("label").filter({ hasText: "Tệp CSV (UTF-8) hoặc Excel (.xlsx)" });
  await expect(field).toContainText("Chọn tệp");
  await expect(field.getByTestId("file-name")).toHaveText("Chưa chọn tệp nào");
  await page.getByLabel("Tệp CSV (UTF-8) hoặc Excel (.xlsx)").setInputFiles({ name: "so-lieu.csv", mimeType: "text/csv", buffer: Buffer.from("date,unit_code,metric,value\n") });
  await expect(field.getByTestId("file-name")).toHaveText("so-lieu.csv");
  await screenshot(page, testInfo, "file-input");

  await context.addCookies([{ name: "vneid-locale", value: "en", url: baseURL! }]);
  await page.reload();
  const english = page.locator("label").filter({ hasText: "CSV file (UTF-8) or Excel (.xlsx)" });
  await expect(english).toContainText("Choose a file");
  await expect(english.getByTestId("file-name")).toHaveText("No file chosen");
});

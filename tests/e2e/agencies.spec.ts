// Issue 22, agencies: Sở Y tế's focal point (`syt`) enters its weekly figure of staff with
// level-2 activation (on a phone in the phone-360 project), a figure above the headcount is
// refused in Vietnamese; the city's official (`danang`) opens the agencies' ranking from the
// menu and sees who has not reported this week (Sở Tư pháp, README "The demo"); the weekly
// report's agencies section is on the page and in the PDF (kept for people to look at).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { todayInVietnam } from "@/lib/domain/dates";
import { formatIsoWeek, isoWeekOf } from "@/lib/domain/weeks";
import { readPdf } from "../support/report-files";
import { mainNavLink, screenshot, signIn } from "./helpers";

const THIS_WEEK = formatIsoWeek(isoWeekOf(todayInVietnam()));

/** The card of one agency on the entry screen. */
const card = (page: Page, code: string) => page.locator(`fieldset[data-agency="${code}"]`);

test("an agency's focal point enters its weekly figure; one above the headcount is refused", async ({ page }, testInfo) => {
  await signIn(page, "syt");
  await expect(page).toHaveURL(/\/agencies\/entry/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sở Y tế thành phố Đà Nẵng");
  // its agency and its two sub-agencies, nobody else's
  await expect(page.locator("fieldset[data-agency]")).toHaveCount(3);
  const cdc = card(page, "DN-SYT-CDC");
  await expect(cdc).toContainText("Trung tâm Kiểm soát bệnh tật thành phố");

  // above the headcount (210): refused, nothing saved
  const box = cdc.getByLabel("Đã kích hoạt mức 2 (lũy kế)");
  const before = await box.inputValue();
  await box.fill("999");
  await page.getByRole("button", { name: "Lưu báo cáo tuần" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("Chưa lưu: xem các lỗi bên dưới.");
  await expect(status).toContainText("Trung tâm Kiểm soát bệnh tật thành phố: số cán bộ đã kích hoạt (999) vượt quá tổng số cán bộ (210).");
  // what was typed stays, to be corrected
  await expect(box).toHaveValue("999");
  await screenshot(page, testInfo, "agency-entry-refused");

  // a figure within it (one per project, so that each run changes it)
  const value = testInfo.project.name === "desktop" ? "185" : "195";
  await expect(async () => {
    await cdc.getByLabel("Đã kích hoạt mức 2 (lũy kế)").fill(value);
    await page.getByRole("button", { name: "Lưu báo cáo tuần" }).click();
    await expect(status).toContainText(`Đã lưu báo cáo tuần ${THIS_WEEK}`, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await page.reload();
  await expect(card(page, "DN-SYT-CDC").getByLabel("Đã kích hoạt mức 2 (lũy kế)")).toHaveValue(value);
  expect(before).not.toBe("999");
  await expect(card(page, "DN-SYT-CDC").getByTestId("entry-status")).toHaveText("Đã báo cáo tuần này");
  // nothing sideways on a phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(page, testInfo, "agency-entry");

  // no unit's dashboards nor daily entry for a focal point
  const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
  await expect(nav.getByRole("link", { name: "Nhập số liệu", exact: true })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Tổng quan", exact: true })).toHaveCount(0);
  const overview = await page.request.get("/api/v1/rankings?parent=48&metric=activated");
  expect(overview.status()).toBe(403);
});

test("a provincial official sees the agencies' ranking and who has not reported this week", async ({ page }, testInfo) => {
  await signIn(page, "danang");
  await (await mainNavLink(page, "Cơ quan, đơn vị")).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xếp hạng cơ quan, đơn vị theo tỷ lệ cán bộ kích hoạt mức 2");
  const rows = page.getByTestId("agency-ranking").locator("tbody tr");
  // the four departments and the two wards' offices, sub-agencies summed into their parent
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toContainText("Sở Tài chính thành phố Đà Nẵng");
  await expect(rows.first()).toContainText("100,00%");
  await expect(page.locator('tr[data-agency="DN-SYT"]')).toContainText("gồm 2 đơn vị trực thuộc");
  await expect(page.getByTestId("agencies-not-reported")).toContainText("Sở Tư pháp thành phố Đà Nẵng");
  await expect(page.locator('tr[data-agency="DN-STP"]')).toContainText("Chưa báo cáo");
  await expect(page.getByTestId("agencies-due")).toHaveText(/^Hạn hoàn thành 100%: \d{2}\/\d{2}\/\d{4}$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(page, testInfo, "agency-ranking");
});

test("the weekly report has its agencies section, on the page and in the PDF", async ({ page }, testInfo) => {
  await signIn(page, "danang");
  await page.goto(`/reports/weekly?unit=48&week=${THIS_WEEK}`);
  const section = page.getByTestId("report-agencies");
  await expect(section.getByRole("heading", { level: 2 })).toHaveText("VI. Cơ quan, đơn vị: cán bộ kích hoạt định danh điện tử mức 2");
  await expect(section.locator("tbody tr")).toHaveCount(6);
  await expect(page.getByTestId("agencies-not-reported")).toContainText("Chưa báo cáo tuần này: Sở Tư pháp thành phố Đà Nẵng.");
  await section.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-agency-weekly-report-section.png` });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PDF", exact: true }).first().click()]);
  const body = readFileSync(await download.path());
  mkdirSync("test-results/screenshots", { recursive: true });
  writeFileSync(`test-results/screenshots/${testInfo.project.name}-agency-weekly-report.pdf`, body);
  const { pages } = await readPdf(body);
  const withAgencies = pages.findIndex((text) => text.includes("VI. Cơ quan, đơn vị"));
  expect(withAgencies).toBeGreaterThanOrEqual(0);
  const text = pages.slice(withAgencies).join(" ").replace(/\s+/g, " ");
  for (const expected of ["Sở Y tế thành phố Đà Nẵng (gồm 2 đơn vị trực thuộc)", "Sở Tài chính thành phố Đà Nẵng", "100,00%", "Chưa báo cáo tuần này: Sở Tư pháp thành phố Đà Nẵng."]) {
    expect(text).toContain(expected);
  }
});

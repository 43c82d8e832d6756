import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { formatIsoWeek, lastCompleteWeek } from "@/lib/domain/weeks";
import { readCsv, readDocx, readPdf, readXlsx } from "../support/report-files";
import { QUANG_NAM_NOW, screenshot, signIn } from "./helpers";

const WEEK = formatIsoWeek(lastCompleteWeek(QUANG_NAM_NOW));
const { week: WEEK_NUMBER, year: WEEK_YEAR } = lastCompleteWeek(QUANG_NAM_NOW);
/** The files are named by the unit's short name and the week: "bao-cao-tuan-quang-nam-tuan-48-2026". */
const STEM = `bao-cao-tuan-quang-nam-tuan-${WEEK_NUMBER}-${WEEK_YEAR}`;
const STEM_EN = `weekly-report-quang-nam-week-${WEEK_NUMBER}-${WEEK_YEAR}`;

/** The rows of the ranking table on the page: [code, name, percent text]. */
async function pageRanking(page: Page): Promise<string[][]> {
  return page.locator("section[aria-labelledby=ranking] tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      // a cell's value, without the other columns' values listed under it on a phone
      const cells = [...row.querySelectorAll("td")].map((td) => (td.querySelector("[data-value]") ?? td).textContent ?? "");
      return [cells[1], cells[2], cells[5]];
    }));
}

async function downloadFrom(page: Page, name: string | RegExp) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: typeof name === "string" }).first().click()]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), body: readFileSync(path) };
}

test("a leader downloads the weekly report in each format from the report page", async ({ page }, testInfo) => {
  await signIn(page, "lanhdao");
  await page.goto("/reports/weekly");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tỉnh Quảng Nam");
  await expect(page.getByText(/Thứ Hai \d{2}\/\d{2}\/\d{4} – Chủ Nhật \d{2}\/\d{2}\/\d{4}/).first()).toBeVisible();
  const ranking = await pageRanking(page);
  expect(ranking.length).toBe(18);
  await screenshot(page, testInfo, "weekly-report");

  const xlsx = await downloadFrom(page, "Excel (.xlsx)");
  expect(xlsx.fileName).toBe(`${STEM}.xlsx`);
  const rankingSheet = (await readXlsx(xlsx.body)).sheets.get("Xếp hạng")!;
  for (const [code, name, percent] of ranking) {
    const row = rankingSheet.find((r) => r[1] === code)!;
    expect(row[2]).toBe(name);
    expect(`${(row[5] as number * 100).toFixed(2).replace(".", ",")}%`).toBe(percent);
  }

  const pdf = await downloadFrom(page, "PDF");
  expect(pdf.fileName).toBe(`${STEM}.pdf`);
  const pdfText = (await readPdf(pdf.body)).text.replace(/\s+/g, " ");
  for (const [, name, percent] of ranking) {
    expect(pdfText).toContain(name);
    expect(pdfText).toContain(percent);
  }

  const docx = await downloadFrom(page, "Word (.docx)");
  expect(docx.fileName).toBe(`${STEM}.docx`);
  const docText = (await readDocx(docx.body)).text;
  for (const [code, name] of ranking) expect(docText).toContain(`${code}\t${name}\t`);

  const csv = await downloadFrom(page, "CSV");
  expect(csv.fileName).toBe(`${STEM}.csv`);
  const { bom, rows } = readCsv(csv.body);
  expect(bom).toBe(true);
  for (const [code, name, percent] of ranking) {
    const row = rows.find((r) => r[1] === code && r[2] === name)!;
    expect(`${Number(row[5]).toFixed(2).replace(".", ",")}%`).toBe(percent);
  }
});

test("a leader issues the week's report; it is frozen, says so and stays downloadable", async ({ page }, testInfo) => {
  await signIn(page, "lanhdao");
  await page.goto(`/reports/weekly?unit=49&week=${WEEK}`);
  // The days stay open here: other end-to-end tests still write figures into past days.
  await expect(page.getByLabel(/Khóa sổ số liệu của đơn vị/)).not.toBeChecked();
  await page.getByRole("button", { name: "Ban hành báo cáo tuần" }).click();
  const status = page.getByRole("status").filter({ hasText: "Đã ban hành" });
  await expect(status).toContainText(`Đã ban hành báo cáo tuần ${WEEK}`);
  await status.getByRole("link", { name: "Xem báo cáo đã ban hành" }).click();
  await expect(page.getByTestId("frozen-note")).toContainText("số liệu được giữ nguyên như lúc ban hành");
  await expect(page.getByRole("button", { name: "Ban hành báo cáo tuần" })).toHaveCount(0);
  await screenshot(page, testInfo, "weekly-report-issued");

  const pdf = await downloadFrom(page, "PDF");
  expect(pdf.fileName).toMatch(new RegExp(`^${STEM}-ban-hanh-\\d+\\.pdf$`));
  expect((await readPdf(pdf.body)).text.replace(/\s+/g, " ")).toContain("Báo cáo đã ban hành");

  await page.getByRole("link", { name: "Xem số liệu hiện hành" }).click();
  await expect(page.getByTestId("frozen-note")).toHaveCount(0);
  const issued = page.getByTestId("issued-list").locator("li").first();
  await expect(issued).toContainText("Ban Chỉ đạo Đề án 06");
  const [download] = await Promise.all([page.waitForEvent("download"), issued.getByRole("link", { name: "DOCX" }).click()]);
  expect(download.suggestedFilename()).toMatch(/-ban-hanh-\d+\.docx$/);
});

test("a district officer sees their district's report but cannot issue one, nor open the province's", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  await page.goto("/reports/weekly");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Huyện Núi Thành");
  await expect(page.getByRole("link", { name: "PDF" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Ban hành báo cáo tuần" })).toHaveCount(0);
  await screenshot(page, testInfo, "weekly-report-district");

  await page.goto(`/reports/weekly?unit=49&week=${WEEK}`);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("nằm ngoài phạm vi của bạn");
  const refused = await page.request.get(`/api/v1/reports/weekly?unit=49&week=${WEEK}&format=pdf`);
  expect(refused.status()).toBe(403);

  await page.goto("/reports/weekly?week=2023-W99");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Tuần phải có dạng YYYY-Www");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Huyện Núi Thành");
});

test("in English the report page and its files have English words and English number notation", async ({ page, context, baseURL }, testInfo) => {
  await signIn(page, "lanhdao");
  await context.addCookies([{ name: "vneid-locale", value: "en", url: baseURL! }]);
  await page.goto(`/reports/weekly?unit=49&week=${WEEK}`);
  await expect(page).toHaveTitle(/Weekly report/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Tỉnh Quảng Nam · Week \d+\/\d{4}/);
  await expect(page.getByText(/Monday \d{2}\/\d{2}\/\d{4} – Sunday \d{2}\/\d{2}\/\d{4}/).first()).toBeVisible();
  for (const name of ["I. Overall results", "II. Ranking of the districts: Accounts activated", "III. Praise and criticism", "V. Cumulative progress against the plan: Accounts activated", "Issued reports", "Download:"]) {
    await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  }
  // (on a phone the column's values are listed under the unit's name instead)
  await expect(page.getByRole("columnheader", { name: "Change this week", includeHidden: true }).first()).toBeAttached();
  await expect(page.getByRole("button", { name: "Issue the weekly report" })).toBeVisible();
  await expect(page.getByLabel(/Lock the unit's figures up to the end of Sunday \d{2}\/\d{2}\/\d{4}/)).toBeVisible();

  // Numbers in English notation: 469,004 and 24.37%.
  const ranking = await pageRanking(page);
  expect(ranking.length).toBe(18);
  for (const [, , percent] of ranking) expect(percent).toMatch(/^(\d{1,3}(,\d{3})*\.\d{2}%|—)$/);
  const cumulative = await page.locator("section[aria-labelledby=summary] tbody tr").first().locator("td").nth(1).textContent();
  expect(cumulative).toMatch(/^\d{1,3}(,\d{3})+$/);

  // No Vietnamese interface words (unit names are data and stay as they are).
  const main = (await page.locator("main").innerText()).replace(/(Tỉnh|Huyện|Thành phố|Thị xã|Xã|Phường|Thị trấn) [^\n\t(·;,]+/g, "");
  for (const word of ["Tải về", "Xếp hạng", "Biểu dương", "Phê bình", "Chỉ tiêu", "Lũy kế", "Tuần", "Ban hành", "Thứ Hai", "Chủ Nhật", "Chưa giao", "không có"]) expect(main).not.toContain(word);
  await screenshot(page, testInfo, "weekly-report-en");
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, testInfo, "weekly-report-en-360");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  const xlsx = await downloadFrom(page, "Excel (.xlsx)");
  expect(xlsx.fileName).toBe(`${STEM_EN}.xlsx`);
  const rankingSheet = (await readXlsx(xlsx.body)).sheets.get("Ranking")!;
  for (const [code, name, percent] of ranking) {
    const row = rankingSheet.find((r) => r[1] === code)!;
    expect(row[2]).toBe(name);
    if (row[5] !== null) expect(`${(row[5] as number * 100).toFixed(2)}%`).toBe(percent);
  }
  const pdf = await downloadFrom(page, "PDF");
  expect(pdf.fileName).toBe(`${STEM_EN}.pdf`);
  const pdfText = (await readPdf(pdf.body)).text.replace(/\s+/g, " ");
  expect(pdfText).toContain("WEEKLY REPORT");
  expect(pdfText).toMatch(/Page 1\/\d+/);
  for (const [, name, percent] of ranking) {
    expect(pdfText).toContain(name);
    expect(pdfText).toContain(percent);
  }
});

test("the ranking fits the screen: on a phone each unit is a card with its percent beside the name, nothing scrolls sideways", async ({ page }, testInfo) => {
  await signIn(page, "lanhdao");
  await page.goto(`/reports/weekly?unit=49&week=${WEEK}`);
  const table = page.locator("section[aria-labelledby=ranking] table");
  const box = page.locator("section[aria-labelledby=ranking] [role=region]");
  expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const width = page.viewportSize()!.width;
  const percents = table.locator("tbody tr td:nth-child(6)");
  expect(await percents.count()).toBe(18);
  for (const cell of await percents.all()) {
    const { x, width: w } = (await cell.boundingBox())!;
    expect(x + w).toBeLessThanOrEqual(width);
    await expect(cell).toHaveText(/^(\d{1,3}(\.\d{3})*,\d{2}%|—)$/);
  }
  const details = table.getByTestId("phone-details").first();
  if (testInfo.project.name === "phone-360") {
    await expect(table.getByRole("columnheader", { name: "Chỉ tiêu", includeHidden: true })).toBeHidden();
    await expect(details).toBeVisible();
    await expect(details).toContainText(/Chỉ tiêu: .+ · Lũy kế: .+ · Tăng trong tuần: .+ · Thay đổi hạng: .+ · Báo cáo đến: /);
  } else {
    await expect(table.getByRole("columnheader", { name: "Chỉ tiêu" })).toBeVisible();
    await expect(details).toBeHidden();
  }
  await page.locator("section[aria-labelledby=ranking]").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-weekly-report-ranking.png` });
});

test("a provincial official sets how the unit's reports are headed and signed; the PDF carries it", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await page.goto(`/reports/weekly?unit=49&week=${WEEK}`);
  await page.getByRole("link", { name: /Thể thức văn bản/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thể thức văn bản của báo cáo tuần");
  await expect(page.getByLabel("Cơ quan ban hành")).toHaveValue("CÔNG AN TỈNH QUẢNG NAM");
  await page.getByLabel("Ký hiệu (sau “BC-” trong dòng số, ký hiệu)").fill("cat pv06");
  await page.getByRole("button", { name: "Lưu thể thức" }).click();
  await expect(page.getByRole("status").filter({ hasText: "chữ in hoa" })).toBeVisible();
  await page.getByLabel("Ký hiệu (sau “BC-” trong dòng số, ký hiệu)").fill("CAT-PV06");
  await page.getByLabel(/Chức vụ người ký/).fill("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
  await page.getByLabel("Họ và tên người ký").fill("Nguyễn Văn An");
  await page.getByRole("button", { name: "Lưu thể thức" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu thể thức văn bản của Tỉnh Quảng Nam" })).toBeVisible();
  await screenshot(page, testInfo, "weekly-report-issuing-settings");

  await page.getByRole("link", { name: "← Báo cáo tuần" }).click();
  const pdf = await downloadFrom(page, "PDF");
  const text = (await readPdf(pdf.body)).text.replace(/\s+/g, " ");
  for (const expected of ["BỘ CÔNG AN", "CÔNG AN TỈNH QUẢNG NAM", "Số: /BC-CAT-PV06", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]) expect(text).toContain(expected);
  expect(text).toMatch(/Quảng Nam, ngày \d{2} tháng \d{1,2} năm \d{4}/);

  // A leader reads them but cannot change them.
  await page.context().clearCookies();
  await signIn(page, "lanhdao");
  await page.goto("/reports/weekly/settings?unit=49");
  await expect(page.getByText("Nguyễn Văn An")).toBeVisible();
  await expect(page.getByRole("button", { name: "Lưu thể thức" })).toHaveCount(0);
});

import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { formatIsoWeek, lastCompleteWeek } from "@/lib/domain/weeks";
import { readCsv, readDocx, readPdf, readXlsx } from "../support/report-files";
import { screenshot, signIn } from "./helpers";

const WEEK = formatIsoWeek(lastCompleteWeek());

/** The rows of the ranking table on the page: [code, name, percent text]. */
async function pageRanking(page: Page): Promise<string[][]> {
  return page.locator("section[aria-labelledby=ranking] tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("td")].map((td) => td.textContent ?? "");
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
  expect(xlsx.fileName).toBe(`bao-cao-tuan-49-${WEEK}.xlsx`);
  const rankingSheet = (await readXlsx(xlsx.body)).sheets.get("Xếp hạng")!;
  for (const [code, name, percent] of ranking) {
    const row = rankingSheet.find((r) => r[1] === code)!;
    expect(row[2]).toBe(name);
    expect(`${(row[5] as number * 100).toFixed(2).replace(".", ",")}%`).toBe(percent);
  }

  const pdf = await downloadFrom(page, "PDF");
  expect(pdf.fileName).toBe(`bao-cao-tuan-49-${WEEK}.pdf`);
  const pdfText = (await readPdf(pdf.body)).text.replace(/\s+/g, " ");
  for (const [, name, percent] of ranking) {
    expect(pdfText).toContain(name);
    expect(pdfText).toContain(percent);
  }

  const docx = await downloadFrom(page, "Word (.docx)");
  expect(docx.fileName).toBe(`bao-cao-tuan-49-${WEEK}.docx`);
  const docText = (await readDocx(docx.body)).text;
  for (const [code, name] of ranking) expect(docText).toContain(`${code}\t${name}\t`);

  const csv = await downloadFrom(page, "CSV");
  expect(csv.fileName).toBe(`bao-cao-tuan-49-${WEEK}.csv`);
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
  expect(pdf.fileName).toMatch(new RegExp(`^bao-cao-tuan-49-${WEEK}-ban-hanh-\\d+\\.pdf$`));
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

// Issue 25 in the browser: a district officer of Núi Thành (17 communes) downloads the
// commune-per-row template, fills it as a person would in Excel (the cells written with exceljs),
// uploads, previews and saves; then maps a table laid out as the district keeps it (a title and
// a date, Vietnamese headers, a percentage column, a total row), saves the mapping, and the next
// day's file imports without mapping again.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { addDays } from "@/lib/domain/dates";
import { formatDay } from "@/lib/domain/format";
import { QUANG_NAM_DAY, screenshot, signIn } from "./helpers";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FILE_LABEL = "Tệp CSV (UTF-8) hoặc Excel (.xlsx)";
/** The template's header row; its units start on the row below. */
const HEADER_ROW = 3;
/** The cells to fill: after STT, code and name, each metric's running total (for reference) then its cell. */
const INPUT = { dossiers: 5, accounts: 7, activated: 9, cccd: 11 } as const;

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

async function upload(page: Page, name: string, book: ExcelJS.Workbook) {
  await page.getByLabel(FILE_LABEL).setInputFiles({ name, mimeType: XLSX, buffer: Buffer.from(await book.xlsx.writeBuffer()) });
}

/** Núi Thành's communes as the template lists them: code and official name. */
async function communesOf(page: Page, day: string): Promise<{ code: string; name: string }[]> {
  const response = await page.request.get(`/import/template?layout=wide&format=csv&mode=daily&date=${day}`);
  expect(response.status()).toBe(200);
  const lines = (await response.text()).trim().split(/\r?\n/).slice(HEADER_ROW);
  return lines.map((line) => {
    const [, code, name] = line.split(",");
    return { code, name };
  });
}

test("a district officer downloads the commune-per-row template, fills it in Excel, previews and saves", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  await page.goto("/import");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel, số trong ngày" }).click()]);
  expect(download.suggestedFilename()).toBe(`bang-so-lieu-517-${QUANG_NAM_DAY}-daily.xlsx`);
  const downloaded = (await workbookOf(readFileSync(await download.path()))).worksheets[0];
  expect(String(downloaded.getCell("A1").value)).toContain(`TRONG NGÀY ${formatDay(QUANG_NAM_DAY)}`);
  expect(downloaded.getRow(HEADER_ROW).getCell(3).value).toBe("Tên đơn vị");
  const names = Array.from({ length: 17 }, (_, i) => downloaded.getRow(HEADER_ROW + 1 + i).getCell(3).value);
  expect(names).toContain("Xã Tam Nghĩa");
  expect(downloaded.getRow(HEADER_ROW + 18).getCell(3).value).toBeNull();

  // Its own day before the demo's figures (they end on QUANG_NAM_DAY), different for each project (they share one database).
  const day = addDays(QUANG_NAM_DAY, -(testInfo.project.name === "desktop" ? 130 : 150));
  const template = await page.request.get(`/import/template?layout=wide&format=xlsx&mode=daily&date=${day}`);
  expect(template.status()).toBe(200);
  const fill = async (activatedOfFirst: number) => {
    const book = await workbookOf(await template.body());
    const sheet = book.worksheets[0];
    for (let i = 0; i < 17; i++) {
      const row = sheet.getRow(HEADER_ROW + 1 + i);
      row.getCell(INPUT.dossiers).value = 3 + i;
      row.getCell(INPUT.accounts).value = 2 + i;
      row.getCell(INPUT.activated).value = i === 0 ? activatedOfFirst : 1 + i;
      // the CCCD cells left blank (not reported) but the second commune's: zero
      if (i === 1) row.getCell(INPUT.cccd).value = 0;
    }
    return book;
  };
  const first = String(downloaded.getRow(HEADER_ROW + 1).getCell(3).value);

  await upload(page, "bang-so-lieu-sai.xlsx", await fill(-2));
  await page.getByRole("button", { name: "Kiểm tra trước" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("1 lỗi; không dòng nào được ghi.");
  await expect(status).toContainText(`Ô I${HEADER_ROW + 1} (${first}, Tài khoản đã kích hoạt): số âm`);
  await expect(page.getByRole("button", { name: "Ghi dữ liệu" })).toBeDisabled();

  await upload(page, "bang-so-lieu.xlsx", await fill(1));
  await page.getByRole("button", { name: "Kiểm tra trước" }).click();
  await expect(status).toContainText("17 đơn vị, 52 ô có số hợp lệ. Chưa ghi gì");
  await page.getByRole("button", { name: "Ghi dữ liệu" }).click();
  await expect(status).toContainText(/Đã ghi 52 ô của 17 đơn vị \(\d+ số thay đổi\)\./);
  await screenshot(page, testInfo, "spreadsheet-template-written");
});

test("a district officer maps the district's own table once, and the next day's file imports without mapping", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  const day = addDays(QUANG_NAM_DAY, -(testInfo.project.name === "desktop" ? 135 : 155));
  const communes = await communesOf(page, day);
  expect(communes).toHaveLength(17);
  // a heading of this run's own: the mapping saved by another project or run is not this table's
  const unitHeader = `Xã, thị trấn (bảng ${testInfo.project.name} ${Date.now().toString(36)})`;
  const ownTable = async (on: string, activated: (i: number) => number) => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("BC ngày");
    sheet.addRow(["CÔNG AN HUYỆN NÚI THÀNH"]);
    sheet.addRow([`BÁO CÁO KẾT QUẢ THU NHẬN HỒ SƠ ĐỊNH DANH ĐIỆN TỬ NGÀY ${formatDay(on)}`]);
    sheet.addRow([]);
    sheet.addRow(["TT", unitHeader, "Hồ sơ ĐDĐT thu nhận trong ngày", "Tài khoản thu nhận trong ngày", "Kích hoạt trong ngày", "Tỷ lệ kích hoạt (%)"]);
    let total = 0;
    communes.forEach((commune, i) => {
      total += activated(i);
      // as the district writes them: without "Xã", and without diacritics for one
      const name = i === 3 ? commune.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D") : commune.name.replace(/^Xã /, "");
      sheet.addRow([i + 1, name, activated(i) + 4, activated(i) + 2, activated(i), 50]);
    });
    sheet.addRow(["", "Tổng cộng", total + 68, total + 34, total, 50]);
    return book;
  };

  await page.goto("/import");
  await upload(page, "bao-cao-ngay.xlsx", await ownTable(day, (i) => i + 1));
  await page.getByRole("button", { name: "Kiểm tra trước" }).click();
  const mapping = page.getByRole("region", { name: "Chưa nhận ra bảng này: chọn cách đọc" });
  await expect(mapping).toBeVisible();
  await mapping.getByLabel("Dòng tiêu đề").selectOption("4");
  await mapping.getByLabel("Cột tên hoặc mã đơn vị").selectOption({ label: `Cột B: ${unitHeader}` });
  await mapping.getByLabel("Cột “Hồ sơ định danh điện tử”").selectOption({ label: "Cột C: Hồ sơ ĐDĐT thu nhận trong ngày" });
  await mapping.getByLabel("Cột “Tài khoản định danh điện tử”").selectOption({ label: "Cột D: Tài khoản thu nhận trong ngày" });
  await mapping.getByLabel("Cột “Tài khoản đã kích hoạt”").selectOption({ label: "Cột E: Kích hoạt trong ngày" });
  await mapping.getByLabel("Cột “Hồ sơ cấp CCCD”").selectOption({ label: "— không có —" });
  await mapping.getByLabel("số trong ngày", { exact: true }).check();
  await expect(mapping).toContainText(`Ngày ghi trên bảng: ${formatDay(day)}.`);
  await expect(mapping).toContainText("17 dòng đã nhận ra đơn vị.");
  await expect(mapping).toContainText(`Bỏ qua dòng tổng cộng: dòng ${4 + 17 + 1} của bảng.`);
  await expect(mapping.getByLabel("Ghi nhớ cách đọc bảng này cho lần sau")).toBeChecked();
  await screenshot(page, testInfo, "spreadsheet-mapping");
  // a choice as long as the header row must not widen the page (on a phone the button went under the form)
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scrollWidth, "the mapping form fits the screen").toBeLessThanOrEqual(clientWidth);

  await page.getByRole("button", { name: "Kiểm tra trước" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("17 đơn vị, 51 ô có số hợp lệ. Chưa ghi gì");
  await page.getByRole("button", { name: "Ghi dữ liệu" }).click();
  await expect(status).toContainText(/Đã ghi 51 ô của 17 đơn vị \(\d+ số thay đổi\)\./);

  // the next day: the same table, new figures, no mapping asked
  await page.goto("/import");
  await upload(page, "bao-cao-ngay-sau.xlsx", await ownTable(addDays(day, 1), (i) => 2 * i + 1));
  await page.getByRole("button", { name: "Kiểm tra trước" }).click();
  await expect(status).toContainText("Bảng được đọc theo cách đọc đã lưu.");
  await expect(status).toContainText("17 đơn vị, 51 ô có số hợp lệ. Chưa ghi gì");
  await expect(page.getByRole("region", { name: "Chưa nhận ra bảng này: chọn cách đọc" })).toHaveCount(0);
  await page.getByRole("button", { name: "Ghi dữ liệu" }).click();
  await expect(status).toContainText(/Đã ghi 51 ô của 17 đơn vị \(\d+ số thay đổi\)\./);
});

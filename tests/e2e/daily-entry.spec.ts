import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { addDays } from "@/lib/domain/dates";
import { formatDay, formatNumber } from "@/lib/domain/format";
import { QUANG_NAM_DAY, screenshot, signIn } from "./helpers";

const NUI_THANH_COMMUNES = 17;
/** The demo campaign's four figures, each with one box per commune. */
/** the demo's metrics: the four built-in ones and the two of level 2 */
const METRICS = 6;
const label = (metric: string, box: "trong ngày" | "lũy kế", unit: string) => `${metric} ${box}, ${unit}`;

/**
 * Both projects (desktop, 360 px) run against one database, one after the other; each works
 * on its own days before the demo's 90 days, where nothing is saved yet.
 */
function cleanDay(testInfo: TestInfo, offset: number): string {
  return addDays(QUANG_NAM_DAY, -(testInfo.project.name === "desktop" ? 120 : 140) - offset);
}

async function openEntry(page: Page, date: string) {
  await page.goto(`/entry?date=${date}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nhập số liệu ngày");
}

const save = (page: Page) => page.getByRole("button", { name: "Lưu tất cả" }).click();
const status = (page: Page) => page.getByRole("status").filter({ hasText: /./ }).first();

test("a district officer enters a day for all communes, typing counts and a cumulative", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  const date = cleanDay(testInfo, 0);
  await openEntry(page, date);
  await expect(page.locator("fieldset")).toHaveCount(NUI_THANH_COMMUNES);
  await expect(page.getByTestId("missing")).toContainText(`Còn ${NUI_THANH_COMMUNES}/${NUI_THANH_COMMUNES} đơn vị chưa báo cáo`);
  const units = await page.locator("fieldset legend").evaluateAll((els) => els.map((el) => el.firstChild?.textContent ?? ""));
  for (const unit of units) {
    await page.getByLabel(label("Hồ sơ định danh điện tử", "trong ngày", unit), { exact: true }).fill("5");
    await page.getByLabel(label("Tài khoản định danh điện tử", "trong ngày", unit), { exact: true }).fill("4");
    await page.getByLabel(label("Tài khoản đã kích hoạt", "trong ngày", unit), { exact: true }).fill("2");
  }
  // Switched to cumulative totals, a total typed in one cell gives its daily count, and the
  // counts already typed show as totals (other specs may have saved earlier days: read them).
  const first = units[0];
  const previousOf = async (metric: string) =>
    Number((await page.locator("fieldset", { hasText: first }).locator("tr", { hasText: metric }).locator("td").first().innerText()).replace(/\./g, ""));
  await page.getByRole("radio", { name: "Lũy kế" }).check();
  await page.getByLabel(label("Hồ sơ cấp CCCD", "lũy kế", first), { exact: true }).fill(String((await previousOf("Hồ sơ cấp CCCD")) + 3));
  const row = page.locator("fieldset", { hasText: first }).locator("tr", { hasText: "Hồ sơ cấp CCCD" });
  await expect(row.locator("td").nth(1)).toHaveText("3");
  await expect(page.getByLabel(label("Hồ sơ định danh điện tử", "lũy kế", first), { exact: true })).toHaveValue(String((await previousOf("Hồ sơ định danh điện tử")) + 5));
  await save(page);
  await expect(status(page)).toContainText(`Đã lưu ${NUI_THANH_COMMUNES * 3 + 1} ô số liệu.`);
  await expect(page.getByTestId("missing")).toContainText(`Tất cả ${NUI_THANH_COMMUNES} đơn vị đã báo cáo`);
  await screenshot(page, testInfo, "entry-saved");
});

test("one box per figure: the day's count or the cumulative, as chosen and remembered, the other calculated against the day before", async ({ page }) => {
  await signIn(page, "nuithanh");
  await openEntry(page, addDays(QUANG_NAM_DAY, -1));
  const unit = "Xã Tam Hải";
  const fieldset = page.locator("fieldset", { hasText: unit });
  const row = fieldset.locator("tr", { hasText: "Hồ sơ cấp CCCD" });
  const cells = row.locator("td");
  // The figures' boxes (a correction's reason box comes and goes with them).
  const figureBoxes = fieldset.getByRole("textbox", { name: / (trong ngày|lũy kế), / });
  const previous = Number((await cells.first().innerText()).replace(/\./g, ""));
  await expect(page.getByRole("radio", { name: "Số trong ngày" })).toBeChecked();
  await expect(figureBoxes).toHaveCount(METRICS);
  const daily = page.getByLabel(label("Hồ sơ cấp CCCD", "trong ngày", unit), { exact: true });
  await daily.fill("7");
  await expect(cells.nth(2)).toHaveText(formatNumber(previous + 7, "vi"));
  // Enter moves on to the next box, as Tab does (the next figure's, past the calculated column).
  await page.getByLabel(label("Hồ sơ định danh điện tử", "trong ngày", unit), { exact: true }).press("Enter");
  await expect(page.getByLabel(label("Tài khoản định danh điện tử", "trong ngày", unit), { exact: true })).toBeFocused();

  await page.getByRole("radio", { name: "Lũy kế" }).check();
  const cumulative = page.getByLabel(label("Hồ sơ cấp CCCD", "lũy kế", unit), { exact: true });
  await expect(daily).toHaveCount(0);
  await expect(figureBoxes).toHaveCount(METRICS);
  await expect(cumulative).toHaveValue(String(previous + 7));
  await cumulative.fill(String(previous + 12));
  await expect(cells.nth(1)).toHaveText("12");

  // The choice is the browser's: the next visit opens on cumulative totals.
  await page.reload();
  await expect(page.getByRole("radio", { name: "Lũy kế" })).toBeChecked();
  await expect(page.getByLabel(label("Hồ sơ cấp CCCD", "lũy kế", unit), { exact: true })).toBeVisible();
  await expect(figureBoxes).toHaveCount(METRICS);
});

test("the communes' columns line up as one table in either mode, those not reported yet included", async ({ page }) => {
  await signIn(page, "nuithanh");
  await openEntry(page, QUANG_NAM_DAY);
  /** Left and right edge of each column heading, one string per commune. */
  const columnEdges = () => page.locator("fieldset table").evaluateAll((tables) =>
    tables.map((t) => [...t.querySelectorAll("thead th")].map((th) => {
      const box = th.getBoundingClientRect();
      return `${Math.round(box.left)}-${Math.round(box.right)}`;
    }).join(" ")));
  for (const mode of ["Số trong ngày", "Lũy kế"]) {
    await page.getByRole("radio", { name: mode }).check();
    const edges = await columnEdges();
    expect(edges).toHaveLength(NUI_THANH_COMMUNES);
    expect(new Set(edges), `columns in mode "${mode}"`).toEqual(new Set([edges[0]]));
  }
});

test("a negative number and activated above accounts are refused in Vietnamese next to the cell", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  await openEntry(page, cleanDay(testInfo, 1));
  const unit = "Xã Tam Tiến";
  const activated = page.getByLabel(label("Tài khoản đã kích hoạt", "trong ngày", unit), { exact: true });
  await activated.fill("-5");
  await save(page);
  await expect(status(page)).toContainText("Có ô chưa hợp lệ; chưa ô nào được lưu.");
  await expect(page.locator("fieldset", { hasText: unit })).toContainText("Phải là số nguyên không âm.");
  await expect(activated).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel(label("Tài khoản định danh điện tử", "trong ngày", unit), { exact: true }).fill("5");
  await activated.fill("9");
  await save(page);
  await expect(page.locator("fieldset", { hasText: unit })).toContainText("Lũy kế tài khoản đã kích hoạt (9) không được lớn hơn lũy kế tài khoản định danh điện tử (5).");
  await screenshot(page, testInfo, "entry-errors");
});

test("a spike needs explicit confirmation before it is saved", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  await openEntry(page, QUANG_NAM_DAY);
  const unit = "Xã Tam Sơn";
  const cell = page.getByLabel(label("Hồ sơ cấp CCCD", "trong ngày", unit), { exact: true });
  const alreadySaved = (await cell.inputValue()) !== "";
  await cell.fill(testInfo.project.name === "desktop" ? "5000" : "6000");
  // When today's count is already saved (the demo, or the other project), it is a correction too.
  if (alreadySaved) await page.getByLabel(`Lý do sửa Hồ sơ cấp CCCD, ${unit}`, { exact: true }).fill("Đợt thu nhận tập trung tại trường học");
  await save(page);
  await expect(status(page)).toContainText("Có số tăng đột biến");
  await expect(page.locator("fieldset", { hasText: unit })).toContainText("cần xác nhận");
  await page.getByLabel("Tôi đã kiểm tra, các số tăng đột biến là đúng").check();
  await save(page);
  await expect(status(page)).toContainText("Đã lưu 1 ô số liệu.");
});

test("correcting yesterday needs a reason, and the history shows it", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  const yesterday = addDays(QUANG_NAM_DAY, -1);
  await openEntry(page, yesterday);
  const unit = "Xã Tam Quang";
  const daily = page.getByLabel(label("Tài khoản đã kích hoạt", "trong ngày", unit), { exact: true });
  const current = Number(await daily.inputValue());
  await daily.fill(String(current === 0 ? 1 : current - 1));
  await save(page);
  await expect(page.locator("fieldset", { hasText: unit })).toContainText("Sửa số đã lưu cần ghi lý do.");
  const reason = `Xã báo nhầm (${testInfo.project.name})`;
  await page.getByLabel(`Lý do sửa Tài khoản đã kích hoạt, ${unit}`, { exact: true }).fill(reason);
  await save(page);
  await expect(status(page)).toContainText("Đã lưu 1 ô số liệu.");
  await page.locator("fieldset", { hasText: unit }).getByRole("link", { name: "Lịch sử" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Lịch sử số liệu");
  const row = page.locator("tbody tr", { hasText: reason });
  await expect(row).toContainText("Công an huyện Núi Thành");
  await expect(row).toContainText(`${unit} · Tài khoản đã kích hoạt · ${formatDay(yesterday)}`);
  await screenshot(page, testInfo, "entry-history");
});

test("two people editing the same cell: the second gets a conflict showing the first one's value", async ({ browser }, testInfo) => {
  const date = cleanDay(testInfo, 2);
  const unit = "Xã Tam Anh Nam";
  const open = async () => {
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    const page = await context.newPage();
    await signIn(page, "nuithanh");
    await openEntry(page, date);
    return { context, page };
  };
  const first = await open();
  const second = await open();
  await first.page.getByLabel(label("Hồ sơ định danh điện tử", "trong ngày", unit), { exact: true }).fill("11");
  await save(first.page);
  await expect(status(first.page)).toContainText("Đã lưu 1 ô số liệu.");
  await second.page.getByLabel(label("Hồ sơ định danh điện tử", "trong ngày", unit), { exact: true }).fill("13");
  await save(second.page);
  await expect(status(second.page)).toContainText("vừa được người khác lưu");
  await expect(second.page.locator("fieldset", { hasText: unit })).toContainText("Công an huyện Núi Thành đã lưu ô này sau khi bạn mở bảng: 11 trong ngày");
  await screenshot(second.page, testInfo, "entry-conflict");
  await second.page.getByRole("button", { name: "Dùng số của họ (11)" }).click();
  await expect(second.page.getByLabel(label("Hồ sơ định danh điện tử", "trong ngày", unit), { exact: true })).toHaveValue("11");
  await first.context.close();
  await second.context.close();
});

test("a commune officer sees only their own commune", async ({ page }) => {
  await signIn(page, "tamnghia");
  await page.goto(`/entry?date=${QUANG_NAM_DAY}`);
  await expect(page.locator("fieldset")).toHaveCount(1);
  await expect(page.locator("fieldset legend")).toContainText("Xã Tam Nghĩa");
  await page.goto("/entry?unit=20992");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Bạn không có quyền");
  await expect(page.locator("fieldset")).toHaveCount(0);
  const response = await page.goto("/entry/history?unit=20992");
  expect(response?.status()).toBe(404);
});

test("the audit log is for administrators and provincial officials, newest first", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await page.goto("/audit?action=figure");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhật ký thay đổi");
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await screenshot(page, testInfo, "audit");
  await page.goto("/dashboard");
  await page.context().clearCookies();
  await signIn(page, "nuithanh");
  await page.goto("/audit");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Bạn không có quyền");
});

test("in English: the grid, its refusals, the history and the audit log speak English with English numbers", async ({ page, context, baseURL }, testInfo) => {
  await signIn(page, "nuithanh");
  await context.addCookies([{ name: "vneid-locale", value: "en", url: baseURL! }]);
  // Yesterday, within the demo's days: the running totals are in the thousands. Nothing is saved here.
  const date = addDays(QUANG_NAM_DAY, -1);
  await page.goto(`/entry?date=${date}`);
  await expect(page).toHaveTitle(/Daily figures entry/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Daily figures for ${date.split("-").reverse().join("/")}`);
  await expect(page.getByTestId("missing")).toContainText(/units have (not )?reported for \d\d\/\d\d\/\d{4}/);
  const unit = "Xã Tam Tiến";
  const fieldset = page.locator("fieldset", { hasText: unit });
  await expect(fieldset.getByRole("columnheader")).toHaveText(["Metric", "Previous", "Day", "Cumulative"]);
  await expect(fieldset.getByRole("link", { name: "History" })).toBeVisible();
  const previous = await page.locator("fieldset tbody td:first-of-type").allInnerTexts();
  expect(previous.every((text) => /^\d{1,3}(,\d{3})*$/.test(text))).toBe(true);
  expect(previous.some((text) => text.includes(","))).toBe(true);

  const activated = page.getByLabel(`Accounts activated for the day, ${unit}`, { exact: true });
  await activated.fill("-5");
  await page.getByRole("button", { name: "Save all" }).click();
  await expect(status(page)).toContainText("Some cells are invalid; nothing was saved.");
  await expect(fieldset).toContainText("Must be a whole number, zero or more.");
  await screenshot(page, testInfo, "entry-en");
  const main = page.getByRole("main");
  for (const word of ["Nhập số liệu", "Lưu tất cả", "Chỉ số", "Lũy kế", "Trong ngày", "báo cáo", "Lịch sử", "Tổng quan", "Phải là số"]) await expect(main).not.toContainText(word);

  await page.goto(`/entry/history?unit=21001&date=${date}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Figure history: Xã Tam Nghĩa");
  await expect(page.getByRole("link", { name: /Daily figures for/ })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, "tinh");
  await context.addCookies([{ name: "vneid-locale", value: "en", url: baseURL! }]);
  await page.goto("/audit?action=figure");
  await expect(page).toHaveTitle(/Change log/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change log");
  await expect(page.getByRole("columnheader")).toHaveText(["When", "Who", "Action", "Item", "Old", "New", "Reason"]);
  await expect(page.getByRole("button", { name: "Filter" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 1");
  for (const word of ["Nhật ký", "Thời điểm", "Lọc", "Trang", "lũy kế"]) await expect(page.getByRole("main")).not.toContainText(word);
  await screenshot(page, testInfo, "audit-en");
});

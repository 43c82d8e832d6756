import { expect, test, type Page } from "@playwright/test";
import { mainNavLink, QUANG_NAM_DAY, screenshot, signIn, revealCharts } from "./helpers";

/** The demo's day for Quảng Nam's accounts, where their views open (07/06/2023: their units ended on 01/07/2025). */
const today = QUANG_NAM_DAY;
const daysBefore = (days: number) => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};
const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
const parseVi = (text: string) => Number(text.replace(/\./g, "").replace(",", ".").replace("%", "").replace("−", "-"));
const PERCENT = /^\d{1,3}(\.\d{3})*,\d{2}%$/;

async function rankingRows(page: Page) {
  return page.getByTestId("ranking-table").locator("tbody tr");
}

test("overview: KPI cards, next milestone, projection and charts with text alternatives", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tỉnh Quảng Nam");
  // on a phone the links are behind the menu button: open it, check, close it again
  await expect(await mainNavLink(page, "Tổng quan")).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Escape");
  const cards = page.locator("[data-metric]");
  // one card per metric: the four built-in ones and the two of level 2
  await expect(cards).toHaveCount(6);
  await expect(page.locator('[data-metric="activated_l2"]')).toContainText("Tài khoản mức độ 2 đã kích hoạt");
  for (const percent of await page.getByTestId("kpi-percent").allTextContents()) expect(percent).toMatch(PERCENT);
  await expect(page.locator('[data-metric="activated"]')).toContainText("Tài khoản đã kích hoạt");
  // The demo's first milestone is 14 days after today.
  await expect(page.getByTestId("days-left")).toHaveText("14 ngày");
  await expect(page.getByTestId("projection-status")).toHaveText(/đạt|đúng tiến độ|nguy cơ|chậm/);
  await expect(page.getByTestId("daily-pace")).toHaveText(/^\d{1,3}(\.\d{3})*(,\d{1,2})?\/ngày$/);
  await expect(page.locator("figure figcaption").first()).toContainText("Lũy kế theo ngày so với chỉ tiêu");
  await revealCharts(page);
  await expect(page.locator("figure svg.recharts-surface").first()).toBeVisible();
  await screenshot(page, testInfo, "overview");
});

test("rankings: 18 districts, praise and criticism sentence, sortable, configurable counts", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await page.getByRole("navigation", { name: "Màn hình của đơn vị" }).getByRole("link", { name: "Xếp hạng" }).click();
  await expect(page).toHaveURL(/\/units\/49\/rankings/);
  const rows = await rankingRows(page);
  await expect(rows).toHaveCount(18);
  const sentence = page.getByTestId("praise-sentence");
  await expect(sentence).toHaveText(/^Biểu dương: [^;]+ \(\d+,\d{2}%\), [^;]+, [^;]+; Phê bình: [^;]+\.$/);
  await expect(page.locator('tr[data-mark="praise"]')).toHaveCount(3);
  await expect(page.locator('tr[data-mark="criticism"]')).toHaveCount(5);
  // The best ranked district is named first in the sentence, without "Huyện"/"Thành phố"/"Thị xã".
  const firstName = (await rows.first().locator("td").nth(1).locator("a").first().textContent())!.replace(/^(Huyện|Thành phố|Thị xã) /, "");
  await expect(sentence).toContainText(`Biểu dương: ${firstName} (`);
  await expect(rows.first().locator("td").first()).toHaveText("1");
  await expect(rows.first().locator("td").nth(4)).toHaveText(PERCENT);
  await screenshot(page, testInfo, "rankings");

  await page.getByRole("columnheader", { name: /Huyện, quận/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect(page.getByRole("columnheader", { name: /Huyện, quận/ })).toHaveAttribute("aria-sort", "ascending");
  await expect((await rankingRows(page)).first()).toContainText("Huyện Bắc Trà My");

  await page.goto("/units/49/rankings?top=2&bottom=1");
  await expect(page.locator('tr[data-mark="praise"]')).toHaveCount(2);
  await expect(page.locator('tr[data-mark="criticism"]')).toHaveCount(1);
  await expect(page.getByTestId("praise-sentence")).toHaveText(/^Biểu dương: [^,;]+ \([\d,]+%\), [^,;]+ \([\d,]+%\); Phê bình: [^,;]+ \([\d,]+%\)\.$/);
});

test("rankings on a phone: each card shows the table's 7-day rank change, in words for screen readers", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await page.goto("/units/49/rankings");
  const rows = await rankingRows(page);
  await expect(rows).toHaveCount(18);
  const phone = testInfo.project.name !== "desktop";
  for (const row of await rows.all()) {
    // the same value as the table's "± hạng 7 ngày" column (in the page on a phone too, hidden there)
    const column = (await row.locator("td").nth(5).textContent())!;
    const card = row.getByTestId("rank-change");
    await expect(card.locator('[aria-hidden="true"]')).toHaveText(`${column} hạng 7 ngày`);
    const spoken = column === "—" ? "Chưa so được hạng với 7 ngày trước" : column === "0" ? "Giữ nguyên hạng so với 7 ngày trước"
      : `${column.startsWith("+") ? "Lên" : "Xuống"} ${column.slice(1)} hạng so với 7 ngày trước`;
    await expect(card.locator(".sr-only")).toHaveText(spoken);
    await (phone ? expect(card).toBeVisible() : expect(card).toBeHidden());
    await (phone ? expect(row.locator("td").nth(5)).toBeHidden() : expect(row.locator("td").nth(5)).toBeVisible());
  }
  // the demo turns the pace of Phước Sơn (511) and Hội An (503) near today: one of them has moved
  const turned = page.locator('tr[data-unit="511"], tr[data-unit="503"]').getByTestId("rank-change").locator('[aria-hidden="true"]');
  expect((await turned.allTextContents()).filter((text) => /^[+−]\d+ hạng 7 ngày$/.test(text)).length).toBeGreaterThan(0);
  await page.locator('tr[data-unit="511"]').scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, "rankings-rank-change");
});

test("drill-down from the province to a commune and back through the breadcrumbs", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await page.goto("/units/49/rankings");
  await page.getByTestId("ranking-table").getByRole("link", { name: "Huyện Núi Thành", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Huyện Núi Thành");
  await page.getByRole("link", { name: /Xếp hạng 17 đơn vị cấp xã/ }).click();
  await expect(await rankingRows(page)).toHaveCount(17);
  await page.getByTestId("ranking-table").getByRole("link", { name: "Xã Tam Nghĩa", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Tam Nghĩa");
  const crumbs = page.getByRole("navigation", { name: "Đường dẫn đơn vị" });
  await expect(crumbs).toContainText("Tỉnh Quảng Nam›Huyện Núi Thành›Xã Tam Nghĩa");
  await screenshot(page, testInfo, "commune-overview");
  await crumbs.getByRole("link", { name: "Huyện Núi Thành" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Huyện Núi Thành");
  await page.getByRole("navigation", { name: "Đường dẫn đơn vị" }).getByRole("link", { name: "Tỉnh Quảng Nam" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tỉnh Quảng Nam");
});

test("reporting status: communes without figures today, grouped by district, with days behind", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await (await mainNavLink(page, "Tình hình báo cáo")).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tình hình báo cáo ngày ${dmy(today)}`);
  const summary = await page.getByTestId("reporting-summary").textContent();
  const [reported, total] = summary!.match(/(\d+)\/(\d+)/)!.slice(1).map(Number);
  expect(total).toBe(241);
  expect(reported).toBeLessThan(total);
  const groups = page.locator("[data-group]");
  expect(await groups.count()).toBeGreaterThan(0);
  await expect(page.locator("[data-group] li").filter({ hasText: "3 ngày không báo cáo" }).first()).toBeVisible();
  await expect(page.locator("[data-group] li").filter({ hasText: "1 ngày không báo cáo" }).first()).toBeVisible();
  expect(await page.locator("[data-group] li").count()).toBe(total - reported);
  await screenshot(page, testInfo, "reporting");
  // Three days ago every commune had reported.
  await page.goto(`/reporting?asOf=${daysBefore(3)}`);
  await expect(page.getByTestId("reporting-summary")).toContainText("241/241");
  await expect(page.locator("[data-group]")).toHaveCount(0);
});

test("map: a choropleth of the 18 districts with a legend and a table; hidden where there are no boundaries", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  await (await mainNavLink(page, "Bản đồ")).click();
  await expect(page.locator("svg [data-district]")).toHaveCount(18);
  await expect(page.locator("svg a[data-district]")).toHaveCount(18);
  await expect(page.getByRole("list", { name: "Chú giải" }).getByRole("listitem")).toHaveCount(6);
  await expect(page.getByTestId("map-table").locator("tbody tr")).toHaveCount(18);
  const label = await page.locator('svg a[data-district="517"]').getAttribute("aria-label");
  expect(label).toMatch(/^\d+\. Huyện Núi Thành: \d+,\d{2}%$/);
  await expect(page.getByTestId("map-table").locator('tr[data-unit="517"] td').nth(3)).toHaveText(label!.split(": ")[1]);
  await screenshot(page, testInfo, "map");
  await page.locator('svg a[data-district="517"]').focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Huyện Núi Thành");
  await page.goto("/map?unit=517");
  await expect(page.getByTestId("map-unavailable")).toBeVisible();
  await expect(page.getByTestId("map-table").locator("tbody tr")).toHaveCount(17);
});

test("the as-of date comes from the URL, is kept across screens and changes every figure", async ({ page }, testInfo) => {
  await signIn(page, "tinh");
  const actualToday = parseVi((await page.locator('[data-metric="activated"] [data-testid="kpi-actual"]').textContent())!);
  const earlier = daysBefore(30);
  await page.goto(`/units/49?asOf=${earlier}`);
  await expect(page.getByText(`Số liệu đến hết ngày ${dmy(earlier)}`)).toBeVisible();
  const actualEarlier = parseVi((await page.locator('[data-metric="activated"] [data-testid="kpi-actual"]').textContent())!);
  expect(actualEarlier).toBeLessThan(actualToday);
  await expect(page.getByTestId("days-left")).toHaveText("44 ngày");
  await page.getByRole("navigation", { name: "Màn hình của đơn vị" }).getByRole("link", { name: "Xếp hạng" }).click();
  await expect(page).toHaveURL(new RegExp(`/units/49/rankings\\?.*asOf=${earlier}`));
  await expect(page.getByText(`số liệu đến hết ngày ${dmy(earlier)}`)).toBeVisible();
  // Changing the date in the form puts it in the URL.
  const other = daysBefore(10);
  await page.getByLabel("Số liệu đến ngày").fill(other);
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page).toHaveURL(new RegExp(`/units/49/rankings\\?.*asOf=${other}`));
  await screenshot(page, testInfo, "rankings-earlier");
});

test("the API and the page show the same numbers for the same query", async ({ page }) => {
  await signIn(page, "tinh");
  const asOf = daysBefore(5);
  await page.goto(`/units/49/rankings?asOf=${asOf}&metric=accounts`);
  const api = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/rankings?parent=49&metric=accounts&asOf=${asOf}`);
  const rows = await rankingRows(page);
  await expect(rows).toHaveCount(api.rows.length);
  for (const [index, row] of (api.rows as { code: string; rank: number | null; percent: number | null }[]).entries()) {
    const cells = rows.nth(index).locator("td");
    await expect(rows.nth(index)).toHaveAttribute("data-unit", row.code);
    await expect(cells.first()).toHaveText(row.rank === null ? "—" : String(row.rank));
    expect(parseVi((await cells.nth(4).textContent())!)).toBe(row.percent);
  }
  const progress = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/progress?unit=49&metric=accounts&asOf=${asOf}`);
  await page.goto(`/units/49?asOf=${asOf}&metric=accounts`);
  expect(parseVi((await page.locator('[data-metric="accounts"] [data-testid="kpi-actual"]').textContent())!)).toBe(progress.actual);
  expect(parseVi((await page.locator('[data-metric="accounts"] [data-testid="kpi-percent"]').textContent())!)).toBe(progress.percent);
});

test("a district officer cannot open the province or another district", async ({ page }) => {
  await signIn(page, "nuithanh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Huyện Núi Thành");
  await page.goto("/units/49");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Bạn không có quyền xem đơn vị này.");
  await page.goto("/units/502/rankings");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Bạn không có quyền xem đơn vị này.");
  const status = await page.evaluate(async (asOf) => (await fetch(`/api/v1/progress?unit=49&asOf=${asOf}`)).status, today);
  expect(status).toBe(403);
});

test("in English: every dashboard screen's words, titles and numbers follow the reader's language", async ({ page, context, baseURL }, testInfo) => {
  await signIn(page, "tinh");
  await context.addCookies([{ name: "vneid-locale", value: "en", url: baseURL! }]);
  const PERCENT_EN = /^\d{1,3}(,\d{3})*\.\d{2}%$/;
  // Interface words of these screens in Vietnamese; unit, metric and campaign names are data.
  const VIETNAMESE_WORDS = /Tổng quan|Xếp hạng|Biểu dương|Phê bình|chỉ tiêu|Số liệu|báo cáo|Bản đồ|Chú giải|Dự báo|Mốc|Lũy kế|Tốc độ|ngày|Đợt đang diễn ra|Xem\b|Áp dụng/;
  const noVietnamese = async () => expect(await page.getByRole("main").innerText()).not.toMatch(VIETNAMESE_WORDS);

  await page.goto("/units/49");
  await expect(page).toHaveTitle(/^Unit overview/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tỉnh Quảng Nam");
  await expect(page.getByRole("heading", { name: "Results against target" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Next milestone" })).toBeVisible();
  await expect(page.getByTestId("days-left")).toHaveText("14 days");
  await expect(page.getByTestId("projection-status")).toHaveText(/^. ?(met|on track|at risk|behind)$/);
  for (const percent of await page.getByTestId("kpi-percent").allTextContents()) expect(percent).toMatch(PERCENT_EN);
  await expect(page.locator('[data-metric="activated"] [data-testid="kpi-actual"]')).toHaveText(/^\d{1,3}(,\d{3})+$/);
  await expect(page.getByTestId("daily-pace")).toHaveText(/^\d{1,3}(,\d{3})*(\.\d{1,2})?\/day$/);
  await expect(page.getByText("Figures up to the end of")).toBeVisible();
  await expect(page.getByLabel("Figures up to")).toBeVisible();
  await expect(page.getByRole("button", { name: "Show" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Rankings of the 18 district-level units of Tỉnh Quảng Nam/ })).toBeVisible();
  await revealCharts(page);
  await expect(page.locator("figure svg.recharts-surface").first()).toBeVisible();
  await noVietnamese();
  await screenshot(page, testInfo, "en-overview");

  await page.getByRole("navigation", { name: "Unit screens" }).getByRole("link", { name: "Rankings" }).click();
  await expect(page).toHaveURL(/\/units\/49\/rankings/);
  await expect(page).toHaveTitle(/^Rankings/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rankings of district-level units · Tỉnh Quảng Nam");
  await expect(page.getByTestId("praise-sentence")).toHaveText(/^Praised: [^;]+ \(\d+\.\d{2}%\), [^;]+, [^;]+; Criticised: [^;]+\.$/);
  await expect(page.locator('tr[data-mark="praise"]').first()).toContainText("Praised");
  await expect(page.getByRole("columnheader", { name: /Code · District/ })).toBeVisible();
  await expect((await rankingRows(page)).first().locator("td").nth(4)).toHaveText(PERCENT_EN);
  await expect(page.getByRole("button", { name: "Apply" })).toBeVisible();
  await noVietnamese();
  await screenshot(page, testInfo, "en-rankings");

  await page.goto("/reporting");
  await expect(page).toHaveTitle(/^Reporting status/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Reporting status for ${dmy(today)}`);
  await expect(page.getByTestId("reporting-summary")).toHaveText(/^\d+\/241 communes and wards reported · . ?\d+ not yet reported$/);
  await expect(page.locator("[data-group] li").filter({ hasText: "3 days without a report" }).first()).toBeVisible();
  await noVietnamese();

  await page.goto("/map");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Progress map · Tỉnh Quảng Nam");
  await expect(page.getByRole("list", { name: "Legend" }).getByRole("listitem")).toHaveCount(6);
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("100% or more");
  expect(await page.locator('svg a[data-district="517"]').getAttribute("aria-label")).toMatch(/^\d+\. Huyện Núi Thành: \d+\.\d{2}%$/);
  await expect(page.getByRole("columnheader", { name: "Group" })).toBeVisible();
  await noVietnamese();
  await screenshot(page, testInfo, "en-map");
});

import { expect, test } from "@playwright/test";
import { withFixture } from "./db-fixture";
import { screenshot, signIn } from "./helpers";

// A province of the 2025 two-tier tree (issue 20): its 94 children are communes, wards and
// special zones at level 2 (kind commune). Its rankings and reporting status name them as
// communes ("cấp xã", "Xã, phường"), never as districts, and stay readable with 94 rows at
// 1366 and 360 px. The province lives only from 01/07/2025 to 31/08/2025, so that no other
// spec's "today" sees it; its pages are read as of 13/07/2025.
const AS_OF = "2025-07-13";
const COUNT = 94;
const REPORTING = 60; // communes 1..60 report every day from 07/07; 61..94 only on 07/07
const DAYS = ["2025-07-07", "2025-07-08", "2025-07-09", "2025-07-10", "2025-07-11", "2025-07-12", "2025-07-13"];

/** Inserts the fixture once (both projects share the database; the advisory lock orders them). */
async function twoTierProvince(): Promise<void> {
  await withFixture(2020250701, async (client) => {
    const { rows: existing } = await client.query("SELECT 1 FROM unit WHERE path = '90/'");
    if (existing.length > 0) return;
    const life = ["2025-07-01", "2025-09-01"];
    const { rows: [province] } = await client.query<{ id: number }>(
      `INSERT INTO unit (code, name, search_name, type, level, kind, path, valid_from, dissolved_on, updated_at)
       VALUES ('90', 'Tỉnh Hai Cấp', 'tinh hai cap', 'Tỉnh', 1, 'province', '90/', $1, $2, now()) RETURNING id`, life);
    const { rows: communes } = await client.query<{ id: number; n: number }>(
      `INSERT INTO unit (code, name, search_name, type, level, kind, parent_id, path, valid_from, dissolved_on, updated_at)
       SELECT '9' || lpad(i::text, 4, '0'), t || ' Hai Cấp ' || lpad(i::text, 2, '0'), lower(unaccent_t) || ' hai cap ' || lpad(i::text, 2, '0'), t, 2, 'commune', $1,
              '90/9' || lpad(i::text, 4, '0') || '/', $2, $3, now()
       FROM (SELECT i, CASE WHEN i <= 60 THEN 'Xã' WHEN i <= 90 THEN 'Phường' ELSE 'Đặc khu' END AS t,
                       CASE WHEN i <= 60 THEN 'xa' WHEN i <= 90 THEN 'phuong' ELSE 'dac khu' END AS unaccent_t
             FROM generate_series(1, ${COUNT}) i) s
       RETURNING id, substr(code, 2)::int AS n`, [province.id, ...life]);
    const { rows: [metric] } = await client.query<{ id: number }>("SELECT id FROM metric WHERE code = 'activated'");
    const { rows: [campaign] } = await client.query<{ id: number }>(
      "INSERT INTO campaign (code, name, start_date, end_date) VALUES ('hai-cap-2025', 'Đợt hai cấp 2025', '2025-07-01', '2025-08-31') RETURNING id");
    for (const c of communes) {
      await client.query("INSERT INTO target (campaign_id, unit_id, metric_id, due_date, value) VALUES ($1, $2, $3, '2025-08-31', 1000)", [campaign.id, c.id, metric.id]);
      // commune n adds n each day it reports: its running total is n × the days reported
      const days = c.n <= REPORTING ? DAYS : DAYS.slice(0, 1);
      for (const [k, day] of days.entries()) {
        await client.query("INSERT INTO figure (unit_id, metric_id, date, value, cumulative) VALUES ($1, $2, $3, $4, $5)", [c.id, metric.id, day, c.n, c.n * (k + 1)]);
        await client.query("INSERT INTO unit_report (unit_id, date, reported_on) VALUES ($1, $2, $2)", [c.id, day]);
      }
    }
    // the province's totals and reportedOn, as the daily engine keeps them
    await client.query(
      `INSERT INTO daily_total (unit_id, metric_id, date, daily, cumulative)
       SELECT $1, f.metric_id, d.day, COALESCE((SELECT sum(value) FROM figure g JOIN unit u ON u.id = g.unit_id WHERE u.parent_id = $1 AND g.metric_id = f.metric_id AND g.date = d.day), 0),
              (SELECT sum(value) FROM figure g JOIN unit u ON u.id = g.unit_id WHERE u.parent_id = $1 AND g.metric_id = f.metric_id AND g.date <= d.day)
       FROM (SELECT DISTINCT metric_id FROM figure g JOIN unit u ON u.id = g.unit_id WHERE u.parent_id = $1) f, unnest($2::date[]) AS d(day)`, [province.id, DAYS]);
    await client.query("INSERT INTO unit_report (unit_id, date, reported_on) SELECT $1, d, '2025-07-07' FROM unnest($2::date[]) d", [province.id, DAYS]);
  });
}

test.beforeAll(twoTierProvince);

test("rankings of a two-tier province: 94 communes named as communes, the header stays on screen", async ({ page }, testInfo) => {
  await signIn(page, "admin");
  await page.goto(`/units/90/rankings?asOf=${AS_OF}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xếp hạng cấp xã · Tỉnh Hai Cấp");
  await expect(page.getByRole("columnheader", { name: /Mã · Xã, phường/ })).toBeVisible();
  await expect(page.getByTestId("ranking-table").locator("tbody tr")).toHaveCount(COUNT);
  // the top and the bottom are named above the long table
  await expect(page.getByTestId("ranking-extremes")).toHaveText("94 xã, phường: cao nhất Xã Hai Cấp 60 (42,00%), thấp nhất Xã Hai Cấp 01 (0,70%).");
  await expect(page.locator("main")).not.toContainText(/huyện|quận|thị xã/i);
  await screenshot(page, testInfo, "two-tier-rankings");

  // far down the list, the column headings are still at the top of the screen
  await page.locator('tr[data-unit="90001"]').scrollIntoViewIfNeeded();
  const head = await page.getByTestId("ranking-table").locator("thead").boundingBox();
  expect(head).not.toBeNull();
  expect(Math.round(head!.y)).toBe(0);
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-two-tier-rankings-scrolled.png` });
});

test("reporting status of a two-tier province: 60/94 communes reported, the 34 others listed, the 60 folded", async ({ page }, testInfo) => {
  await signIn(page, "admin");
  await page.goto(`/reporting?unit=90&asOf=${AS_OF}`);
  await expect(page.getByTestId("reporting-summary")).toHaveText("60/94 xã, phường đã báo cáo · ⚠ 34 chưa báo cáo");
  await expect(page.getByTestId("missing-heading")).toHaveText("Chưa báo cáo (34)");
  await expect(page.locator("[data-group] li[data-unit]")).toHaveCount(COUNT - REPORTING);
  const reported = page.getByTestId("reported-group");
  await expect(reported.locator("summary")).toHaveText("Đã báo cáo (60)");
  await expect(reported.locator("[data-reported]").first()).toBeHidden();
  await expect(page.locator("main")).not.toContainText(/huyện|quận|thị xã/i);
  await screenshot(page, testInfo, "two-tier-reporting");
  await reported.locator("summary").click();
  await expect(reported.locator("[data-reported]")).toHaveCount(REPORTING);
  await screenshot(page, testInfo, "two-tier-reporting-open");
});

test("the entry grid of a two-tier province: 94 communes on four pages, each page saved in one submission", async ({ page }, testInfo) => {
  await signIn(page, "admin");
  // each project its own page, on a day no other test reads
  const gridPage = testInfo.project.name === "desktop" ? 2 : 3;
  await page.goto(`/entry?date=2025-07-20&unit=90&page=${gridPage}`);
  const pages = page.getByTestId("grid-pages");
  await expect(pages).toContainText(`Trang ${gridPage}/4: đơn vị ${(gridPage - 1) * 30 + 1}–${gridPage * 30} trong 94`);
  await expect(page.locator("fieldset[data-unit]")).toHaveCount(30);
  await expect(pages.locator('[aria-current="page"]')).toHaveText(`Trang ${gridPage}`);
  await screenshot(page, testInfo, "two-tier-entry");

  const unit = await page.locator("fieldset[data-unit]").first().getAttribute("data-unit");
  expect(unit).toMatch(/^9\d{4}$/);
  await page.locator("fieldset[data-unit]").first().getByLabel(/^Hồ sơ định danh điện tử trong ngày, /).fill("5");
  const saving = page.waitForRequest((request) => request.method() === "POST" && new URL(request.url()).pathname === "/entry");
  await page.getByRole("button", { name: "Lưu tất cả" }).click();
  await saving;
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu 1 ô số liệu." })).toBeVisible();
  // the answer is the same page again, its commune now reported
  await expect(page.locator("fieldset[data-unit]")).toHaveCount(30);
  await expect(page.locator("fieldset[data-unit]").first()).toHaveAttribute("data-unit", unit!);
  await page.reload();
  await expect(pages.locator('[aria-current="page"]')).toHaveText(`Trang ${gridPage}`);
  await expect(pages).toContainText(/[12]\/94 đơn vị đã báo cáo ngày 20\/07\/2025/);
});

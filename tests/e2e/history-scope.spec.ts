// A unit's past is its users' to read (issue 20, docs/units-over-time.md "Predecessors in
// scope"): the official of a province formed on 01/07/2020 from an older one ranks its wards on
// 10/07/2020; moving the view's date to 15/06/2020 opens the old province, whose districts it
// reads, with a line saying which structure the view shows and what the old province became;
// another province stays closed. The fixture lives only in 2020, so no other spec's day sees it.
import { expect, test, type TestInfo } from "@playwright/test";
import { withFixture, unitInserter } from "./db-fixture";
import { QUANG_NAM_DAY, screenshot, signIn } from "./helpers";
import { formatDay } from "@/lib/domain/format";

const accountOf = (testInfo: TestInfo) => `lichsu-${testInfo.project.name}`;

/** Inserts the fixture once (both projects share the database; the advisory lock orders them), and the project's account. */
async function mergedProvince(username: string): Promise<void> {
  await withFixture(2020070101, async (client) => {
    const { rows: existing } = await client.query("SELECT 1 FROM unit WHERE path = '99/'");
    if (existing.length === 0) {
      const unit = unitInserter(client);
      const oldProvince = await unit("98", "Tỉnh Cũ Lịch Sử", "tinh cu lich su", "Tỉnh", 1, "province", null, "2020-01-01", "2020-07-01");
      const district = await unit("981", "Huyện Núi Lịch Sử", "huyen nui lich su", "Huyện", 2, "district", "98/", "2020-01-01", "2020-07-01");
      const one = await unit("98101", "Xã Một Lịch Sử", "xa mot lich su", "Xã", 3, "commune", "98/981/", "2020-01-01", "2020-07-01");
      const newProvince = await unit("99", "Tỉnh Mới Lịch Sử", "tinh moi lich su", "Tỉnh", 1, "province", null, "2020-07-01", "2021-01-01");
      const ward = await unit("99001", "Phường Một Lịch Sử", "phuong mot lich su", "Phường", 2, "commune", "99/", "2020-07-01", "2021-01-01");
      await client.query("INSERT INTO unit_succession (predecessor_id, successor_id, part) VALUES ($1, $2, 'full'), ($3, $4, 'full')", [oldProvince, newProvince, one, ward]);
      const { rows: [metric] } = await client.query<{ id: number }>("SELECT id FROM metric WHERE code = 'activated'");
      // 300 on the old commune in June, 40 on the new ward in July, as the daily engine keeps them
      await client.query("INSERT INTO figure (unit_id, metric_id, date, value, cumulative) VALUES ($1, $3, '2020-06-10', 300, 300), ($2, $3, '2020-07-05', 40, 40)", [one, ward, metric.id]);
      await client.query("INSERT INTO daily_total (unit_id, metric_id, date, daily, cumulative) VALUES ($1, $3, '2020-06-10', 300, 300), ($2, $3, '2020-06-10', 300, 300), ($4, $3, '2020-07-05', 40, 40)",
        [district, oldProvince, metric.id, newProvince]);
    }
    await client.query(`
      INSERT INTO app_user (username, display_name, role, unit_id, password_hash)
      SELECT $1, 'Công an tỉnh Mới Lịch Sử', 'province', p.id, u.password_hash FROM unit p, app_user u WHERE p.path = '99/' AND u.username = 'tinh'
      ON CONFLICT (username) DO UPDATE SET unit_id = EXCLUDED.unit_id`, [username]);
  });
}

// The account is on a unit that has ended (in 2021): other specs read the administrators'
// list of such accounts, so it leaves that list when the spec is done (its sign-ins are
// audited: it is moved to the demo's province, not deleted; the fixture moves it back).
test.afterAll(async ({}, testInfo) => {
  await withFixture(2020070101, async (client) => void (await client.query(
    "UPDATE app_user SET unit_id = (SELECT id FROM unit WHERE path = '49/') WHERE username = $1", [accountOf(testInfo)])));
});

test("a new province's official reads the province it came from on the old days, with a line naming the structure, and no other province", async ({ page }, testInfo) => {
  const username = accountOf(testInfo);
  await mergedProvince(username);
  await signIn(page, username);

  // on 10/07/2020 their own province ranks its ward
  await page.goto("/units/99/rankings?asOf=2020-07-10&metric=activated");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tỉnh Mới Lịch Sử");
  await expect(page.getByTestId("ranking-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("ranking-table").locator('tr[data-unit="99001"]')).toContainText("Phường Một Lịch Sử");

  // the date moved before the change opens the province it came from, on the same screen
  await page.getByLabel("Số liệu đến ngày").fill("15/06/2020");
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page).toHaveURL(/\/units\/98\/rankings\?.*asOf=2020-06-15/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tỉnh Cũ Lịch Sử");
  await expect(page.getByTestId("ranking-table").locator('tr[data-unit="981"]')).toContainText("Huyện Núi Lịch Sử");
  await expect(page.getByTestId("structure-note")).toHaveText(
    "Số liệu theo địa giới hành chính trước ngày 01/07/2020. Tỉnh Cũ Lịch Sử nay thuộc: Tỉnh Mới Lịch Sử (99).");
  await expect(page.getByTestId("structure-note").getByRole("link", { name: "Tỉnh Mới Lịch Sử (99)" })).toHaveAttribute("href", "/units/99");
  await screenshot(page, testInfo, "history-scope-old-province");

  // their overview on an old day is the old province's, its commune's page too
  await page.goto("/dashboard?asOf=2020-06-15&metric=activated");
  await expect(page).toHaveURL(/\/units\/98\?.*asOf=2020-06-15/);
  await expect(page.locator("main")).toContainText("300");
  await page.goto("/units/98101?asOf=2020-06-15&metric=activated");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Xã Một Lịch Sử");

  // another province's past is not theirs
  await page.goto("/units/49?asOf=2020-06-15");
  await expect(page.getByText("Bạn không có quyền xem đơn vị này.")).toBeVisible();
});

// The demo's present (issue 20): Thành phố Đà Nẵng's official ranks the city's 94 communes
// today, with no district wording; moving the view's date to 2023 shows Quảng Nam's districts,
// the city's past, with the line saying which structure the view shows.
test("Đà Nẵng's official ranks 94 communes today, and on a 2023 day reads Quảng Nam's districts", async ({ page }, testInfo) => {
  if (testInfo.project.name === "desktop") await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, "danang");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Thành phố Đà Nẵng");
  await page.goto("/rankings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xếp hạng cấp xã · Thành phố Đà Nẵng");
  await expect(page.getByTestId("ranking-table").locator("tbody tr")).toHaveCount(94);
  await expect(page.locator("main")).not.toContainText(/huyện|quận|thị xã/i);
  await screenshot(page, testInfo, "present-rankings");

  await page.getByLabel("Số liệu đến ngày").fill(formatDay(QUANG_NAM_DAY));
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page).toHaveURL(new RegExp(`/units/49/rankings\\?.*asOf=${QUANG_NAM_DAY}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xếp hạng cấp huyện · Tỉnh Quảng Nam");
  await expect(page.getByTestId("ranking-table").locator("tbody tr")).toHaveCount(18);
  await expect(page.getByTestId("structure-note")).toHaveText(
    "Số liệu theo địa giới hành chính trước ngày 01/07/2025. Tỉnh Quảng Nam nay thuộc: Thành phố Đà Nẵng (48).");
  await screenshot(page, testInfo, "present-2023");
});

// People follow the reorganisation (issue 20): a data-entry account still attached to a
// district that ended on 30/06/2025 enters nothing (the grid says why), and an administrator
// moves it in one step to the district's one full successor (here the new city of Đà Nẵng,
// whose police compile the communes directly in two tiers). The views name the ended district's end and
// link its successor; a view as of before the change says which structure it shows.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { Client } from "pg";
import { todayInVietnam } from "@/lib/domain/dates";
import { screenshot, signIn } from "./helpers";

const OLD_DISTRICT = "998";
const OLD_DISTRICT_NAME = "Huyện Thử Chuyển";
const accountOf = (testInfo: TestInfo) => `chuyen-${testInfo.project.name}`;
/** The page's problem box (not Next.js's empty route announcer, also an alert). */
const problem = (page: Page) => page.getByRole("alert").filter({ hasText: "đã kết thúc" });

async function withDb<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The fixture, inserted beside the demo (idempotent; each project its own account): district
 * 998 of Quảng Nam (49) and its commune 99801, both living from 01/01/2025 (after the demo's
 * 2023 days, whose rankings stay Quảng Nam's 18 districts) to 30/06/2025, the district going
 * whole into Thành phố Đà Nẵng (48) of 01/07/2025; an account of role district on it, with the
 * demo's password.
 */
async function insertEndedDistrict(username: string): Promise<void> {
  await withDb(async (client) => {
    await client.query(`
      INSERT INTO unit (code, name, search_name, type, level, kind, parent_id, path, valid_from, dissolved_on, updated_at)
      SELECT '${OLD_DISTRICT}', '${OLD_DISTRICT_NAME}', 'huyen thu chuyen', 'Huyện', 2, 'district', p.id, '49/${OLD_DISTRICT}/', DATE '2025-01-01', DATE '2025-07-01', now()
      FROM unit p WHERE p.path = '49/' ON CONFLICT (path) DO NOTHING`);
    await client.query(`
      INSERT INTO unit (code, name, search_name, type, level, kind, parent_id, path, valid_from, dissolved_on, updated_at)
      SELECT '99801', 'Xã Thử Chuyển', 'xa thu chuyen', 'Xã', 3, 'commune', d.id, '49/${OLD_DISTRICT}/99801/', DATE '2025-01-01', DATE '2025-07-01', now()
      FROM unit d WHERE d.path = '49/${OLD_DISTRICT}/' ON CONFLICT (path) DO NOTHING`);
    await client.query(`
      INSERT INTO unit_succession (predecessor_id, successor_id, part)
      SELECT d.id, p.id, 'full' FROM unit d, unit p WHERE d.path = '49/${OLD_DISTRICT}/' AND p.path = '48/' ON CONFLICT DO NOTHING`);
    await client.query(`
      INSERT INTO app_user (username, display_name, role, unit_id, password_hash)
      SELECT $1, 'Công an huyện Thử Chuyển', 'district', d.id, u.password_hash
      FROM unit d, app_user u WHERE d.path = '49/${OLD_DISTRICT}/' AND u.username = 'nuithanh'
      ON CONFLICT (username) DO UPDATE SET unit_id = EXCLUDED.unit_id`, [username]);
  });
}

test("an account on an ended district enters nothing until an administrator moves it to the successor", async ({ page }, testInfo) => {
  const username = accountOf(testInfo);
  await insertEndedDistrict(username);

  // until moved: the entry grid refuses, naming the district's last day
  await signIn(page, username);
  await page.goto(`/entry?date=${todayInVietnam()}`);
  await expect(problem(page)).toContainText(`${OLD_DISTRICT_NAME} (${OLD_DISTRICT}), đã kết thúc ngày 30/06/2025`);
  await expect(page.getByRole("button", { name: "Lưu tất cả" })).toHaveCount(0);
  await screenshot(page, testInfo, "people-follow-entry-refused");
  await page.context().clearCookies();

  // the administrator sees the account, its old unit, last day and successor, and moves it
  await signIn(page, "admin");
  await page.goto("/admin/users");
  const section = page.getByTestId("accounts-on-ended-units");
  await expect(section.getByRole("heading", { name: "Tài khoản gắn với đơn vị đã kết thúc" })).toBeVisible();
  const row = section.locator(`tr[data-ended-user="${username}"]`);
  await expect(row).toContainText(`${OLD_DISTRICT_NAME} (${OLD_DISTRICT})`);
  await expect(row).toContainText("30/06/2025");
  await expect(row).toContainText("Thành phố Đà Nẵng (48)");
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, "people-follow-admin-list");
  await row.getByRole("button", { name: "Chuyển sang Thành phố Đà Nẵng (48)" }).click();
  await expect(page.getByText(`Đã chuyển ${username} sang Thành phố Đà Nẵng (48).`)).toBeVisible();
  await screenshot(page, testInfo, "people-follow-moved");
  const after = await withDb(async (client) => (await client.query<{ path: string; moves: string }>(`
    SELECT un.path, (SELECT count(*) FROM audit_event a WHERE a.action = 'user.move' AND a.entity_key = u.username) AS moves
    FROM app_user u JOIN unit un ON un.id = u.unit_id WHERE u.username = $1`, [username])).rows[0]);
  expect(after).toEqual({ path: "48/", moves: "1" });
  await page.goto("/admin/users");
  await expect(page.locator(`tr[data-ended-user="${username}"]`)).toHaveCount(0);

  // the ended district's page names its end and links the successor on the same view
  await page.goto(`/units/${OLD_DISTRICT}?asOf=${todayInVietnam()}`);
  await expect(problem(page)).toContainText(`${OLD_DISTRICT_NAME} đã kết thúc ngày 30/06/2025. Đơn vị kế tiếp: Thành phố Đà Nẵng (48)`);
  const successor = page.getByRole("navigation", { name: "Đơn vị kế tiếp" }).getByRole("link", { name: "Thành phố Đà Nẵng (48)" });
  await expect(successor).toHaveAttribute("href", new RegExp(`^/units/48\\?asOf=${todayInVietnam()}`));
  await screenshot(page, testInfo, "people-follow-ended-unit-page");

  // a view as of before the change says it shows the structure before 01/07/2025
  await page.goto("/units/49/rankings?asOf=2025-06-15");
  await expect(page.getByTestId("structure-note")).toHaveText("Số liệu theo địa giới hành chính trước ngày 01/07/2025. Tỉnh Quảng Nam nay thuộc: Thành phố Đà Nẵng (48).");
  await screenshot(page, testInfo, "people-follow-structure-note");

  // now moved, the account enters figures for the city's communes
  await page.context().clearCookies();
  await signIn(page, username);
  await page.goto(`/entry?date=${todayInVietnam()}`);
  await expect(page.getByRole("button", { name: "Lưu tất cả" })).toBeVisible();
});

import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { Client } from "pg";
import { addDays } from "@/lib/domain/dates";
import { QUANG_NAM_DAY, screenshot, signIn } from "./helpers";

// Commune police work on weak connections. Chrome DevTools' "Slow 3G" profile: 2 s round
// trip, about 400 kbit/s each way.
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: (500 * 1024) / 8 * 0.8, uploadThroughput: (500 * 1024) / 8 * 0.8 };

/** A day before the demo's 90 days that no other spec writes to. */
const cleanDay = (testInfo: TestInfo) => addDays(QUANG_NAM_DAY, -(testInfo.project.name === "desktop" ? 160 : 170));

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
}

/** Audit events of one cell, straight from the database the server writes to. */
async function auditCount(unitCode: string, date: string): Promise<number> {
  const client = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_event WHERE entity = 'figure' AND entity_key = $1`,
      [`${unitCode}:dossiers:${date}`],
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

test("on slow 3G the grid loads and saves; a dropped save keeps what was typed and a retry writes once", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  await throttle(page);
  const date = cleanDay(testInfo);
  await page.goto(`/entry?date=${date}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nhập số liệu ngày");

  const unit = "Xã Tam Hiệp";
  const unitCode = await page.locator("fieldset", { hasText: unit }).getAttribute("data-unit");
  expect(unitCode).not.toBeNull();
  const cell = page.getByLabel(`Hồ sơ định danh điện tử trong ngày, ${unit}`, { exact: true });
  await cell.fill("8");

  // The connection drops after the server received the save: the answer never arrives.
  let drop = true;
  await page.route(/\/entry(\?|$)/, async (route) => {
    if (route.request().method() !== "POST" || !drop) return route.continue();
    drop = false;
    await route.fetch();
    await route.abort("connectionreset");
  });
  const button = page.getByRole("button", { name: "Lưu tất cả" });
  await button.click();
  await expect(page.getByRole("button", { name: "Đang lưu…" })).toBeVisible();
  const status = page.getByRole("status").filter({ hasText: /./ }).first();
  await expect(status).toContainText("Mất kết nối khi lưu");
  await expect(cell).toHaveValue("8");
  await screenshot(page, testInfo, "entry-connection-dropped");
  expect(await auditCount(unitCode!, date)).toBe(1);

  // Retrying the same submission is recognised by the server and writes nothing more.
  await button.click();
  await expect(status).toContainText("Đã lưu");
  await expect(page.locator("fieldset", { hasText: unit })).toContainText("Đã báo cáo");
  expect(await auditCount(unitCode!, date)).toBe(1);
});

test("a page fetches nothing for the pages it links to; a click still navigates without reloading", async ({ page }) => {
  await signIn(page, "tinh");
  // React Server Component requests (`?_rsc=`): prefetches, and the fetch a client-side navigation makes.
  const rscRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).searchParams.has("_rsc")) rscRequests.push(request.url());
  });
  await page.goto("/units/49/rankings");
  const table = page.getByTestId("ranking-table");
  await expect(table).toBeVisible();
  // Every link on the page in view once, as a user scrolling through would bring them.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForLoadState("networkidle");
  expect(rscRequests, "no prefetch of linked pages on a weak connection").toEqual([]);

  // Following a link is still a client-side navigation: the page's JavaScript state survives.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  const link = table.locator("tbody tr").first().getByRole("link").first();
  const target = await link.getAttribute("href");
  await link.click();
  await expect(page).toHaveURL((url) => url.pathname === new URL(target!, url).pathname);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  expect(rscRequests.length).toBeGreaterThan(0);
});

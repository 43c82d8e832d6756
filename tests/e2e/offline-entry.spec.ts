import { expect, test, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { Client } from "pg";
import { addDays } from "@/lib/domain/dates";
import { QUANG_NAM_DAY, screenshot, signIn } from "./helpers";

// Issue 23: the entry page opens and works with no network once opened online, keeps what was
// typed on the device, queues saves and sends each once when the network returns. The district
// police of Núi Thành (`nuithanh`, 17 communes, where the seed comes from) enter on a
// day before the demo's 90 days that no other spec writes to; only dossiers are typed, so no
// funnel or spike rule is involved. (`danang`, a province's police, reads but does not enter.)
const day = (testInfo: TestInfo) => addDays(QUANG_NAM_DAY, -(testInfo.project.name === "desktop" ? 200 : 210));

const dossiers = (page: Page, n: number) => page.locator("fieldset[data-unit]").nth(n).getByLabel(/^Hồ sơ định danh điện tử trong ngày, /);
const unitCode = async (page: Page, n: number) => (await page.locator("fieldset[data-unit]").nth(n).getAttribute("data-unit"))!;
const status = (page: Page) => page.getByRole("status").filter({ hasText: /./ }).last();

/** Audit events of one commune's dossiers on the day, straight from the database the server writes to. */
async function auditCount(code: string, date: string): Promise<number> {
  const client = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE entity = 'figure' AND entity_key = $1`, [`${code}:dossiers:${date}`]);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/** The entry grid of `date`, opened online and kept by the service worker for offline use. */
async function openOnline(page: Page, date: string) {
  await page.goto(`/entry?date=${date}`);
  await expect(page.locator("form[data-offline-ready]")).toBeAttached();
}

/** What the device keeps: the offline database and the service worker's caches. */
const keptOnDevice = (page: Page) => page.evaluate(async () => ({
  databases: (await indexedDB.databases()).map((d) => d.name),
  caches: await caches.keys(),
}));

test("entry works offline: reload, type, queue, reopen, sync once, a conflict, a signed-out queue, sign-out clears the device", async ({ page, browser, context }, testInfo) => {
  test.setTimeout(180_000);
  const date = day(testInfo);
  const url = `/entry?date=${date}`;
  await signIn(page, "nuithanh");
  await openOnline(page, date);
  const codes = await Promise.all([0, 1, 2, 3, 4].map((n) => unitCode(page, n)));

  // Offline: the page reloads from the device and still works.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText("Không có mạng: trang vẫn dùng được")).toBeVisible();
  for (const [n, value] of ["5", "6", "7"].entries()) await dossiers(page, n).fill(value);
  await page.getByRole("button", { name: "Lưu tất cả" }).click();
  await expect(status(page)).toContainText("Chưa có mạng: lượt lưu được giữ trên máy này");
  await expect(page.getByTestId("offline-queue")).toContainText("Chờ gửi: 1 lượt lưu");
  await expect(page.getByTestId("pending-badge")).toHaveCount(3);
  await screenshot(page, testInfo, "offline-entry-queued");

  // Dashboards need the network and say so.
  const dashboard = await context.newPage();
  await dashboard.goto("/dashboard");
  await expect(dashboard.getByText("Trang này cần kết nối mạng.")).toBeVisible();
  await screenshot(dashboard, testInfo, "offline-dashboard");
  await dashboard.close();

  // Closed and reopened, still offline: what was typed and the queue are still there.
  await page.close();
  page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId("offline-queue")).toContainText("Chờ gửi: 1 lượt lưu");
  await expect(dossiers(page, 0)).toHaveValue("5");
  await expect(dossiers(page, 2)).toHaveValue("7");
  await expect(page.getByText("Đã khôi phục 3 ô đã nhập nhưng chưa lưu trên máy này.")).toBeVisible();
  await screenshot(page, testInfo, "offline-entry-reopened");
  for (const code of codes.slice(0, 3)) expect(await auditCount(code, date)).toBe(0);

  // Online again: sent by itself, written once (one audit event per changed cell).
  await context.setOffline(false);
  await expect(status(page)).toContainText("Đã lưu 3 ô số liệu.");
  await expect(page.getByTestId("offline-queue")).toHaveCount(0);
  for (const code of codes.slice(0, 3)) expect(await auditCount(code, date)).toBe(1);
  await expect(page.locator("fieldset[data-unit]").nth(0)).toContainText("Đã báo cáo");

  // A save queued offline meets a save of the same cell made meanwhile elsewhere: a conflict for the user to decide.
  await context.setOffline(true);
  await dossiers(page, 3).fill("8");
  await page.getByRole("button", { name: "Lưu tất cả" }).click();
  await expect(page.getByTestId("offline-queue")).toContainText("Chờ gửi: 1 lượt lưu");
  const other: BrowserContext = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const otherPage = await other.newPage();
  await signIn(otherPage, "nuithanh");
  await otherPage.goto(url);
  await dossiers(otherPage, 3).fill("4");
  await otherPage.getByRole("button", { name: "Lưu tất cả" }).click();
  await expect(status(otherPage)).toContainText("Đã lưu 1 ô số liệu.");
  await other.close();
  await context.setOffline(false);
  const conflicted = page.locator("fieldset[data-unit]").nth(3);
  await expect(conflicted.getByRole("button", { name: "Dùng số của họ (4)" })).toBeVisible();
  await expect(page.getByTestId("offline-queue")).toHaveCount(0);
  expect(await auditCount(codes[3], date)).toBe(1);
  await screenshot(page, testInfo, "offline-entry-conflict");

  // The user keeps their figure; the session has ended meanwhile: the save waits for the same user.
  await conflicted.getByRole("button", { name: "Giữ số của tôi" }).click();
  await conflicted.getByPlaceholder("Lý do sửa số").fill("Đếm lại hồ sơ");
  await context.clearCookies();
  await page.getByRole("button", { name: "Lưu tất cả" }).click();
  await expect(status(page)).toContainText("Phiên đăng nhập đã hết");
  await expect(page.getByTestId("offline-queue")).toContainText("Chờ gửi: 1 lượt lưu");
  await signIn(page, "nuithanh");
  await page.goto(url);
  await expect(status(page)).toContainText("Đã lưu 1 ô số liệu.");
  expect(await auditCount(codes[3], date)).toBe(2);
  await expect(dossiers(page, 3)).toHaveValue("8");

  // Signing out with a save still waiting asks first, then leaves nothing on the device.
  await expect(page.locator("form[data-offline-ready]")).toBeAttached();
  await dossiers(page, 4).fill("2");
  await context.clearCookies();
  await page.getByRole("button", { name: "Lưu tất cả" }).click();
  await expect(page.getByTestId("offline-queue")).toContainText("Chờ gửi: 1 lượt lưu");
  // The dialog is answered as it opens (a click does not return while it is open): no first, then yes.
  const signOut = page.getByRole("button", { name: "Đăng xuất" });
  const questions: string[] = [];
  let answer: "dismiss" | "accept" = "dismiss";
  page.on("dialog", (dialog) => {
    questions.push(dialog.message());
    void (answer === "accept" ? dialog.accept() : dialog.dismiss());
  });
  await signOut.click();
  await expect.poll(() => questions.length).toBe(1);
  await expect(page.getByTestId("offline-queue")).toContainText("Chờ gửi: 1 lượt lưu");
  expect((await keptOnDevice(page)).databases).toContain("vneid-offline");
  answer = "accept";
  await signOut.click();
  await expect(page).toHaveURL(/\/login/);
  expect(questions).toHaveLength(2);
  expect(questions[1]).toContain("chưa gửi");
  expect(await keptOnDevice(page)).toEqual({ databases: [], caches: [] });
  expect(await auditCount(codes[4], date)).toBe(0);
});

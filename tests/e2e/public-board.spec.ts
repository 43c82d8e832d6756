// The public progress board (issue 21): a leader turns on and publishes Quảng Nam's board; a
// browser with no account opens it (desktop and 360 px), switches language, downloads the CSV
// and the picture; the page, the files and the API agree on the cutoff's figures; the embed
// page loads in an iframe from a listed origin and is refused from another.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { formatNumber, formatPercent } from "@/lib/domain/format";
import { seriousViolations } from "./axe";
import { screenshot, signIn } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/**
 * A newspaper's site that may frame the board, and one that may not: small servers of the test
 * on the next ports (on loopback, as Chromium's local network checks refuse a page with no
 * address, such as one a route fulfils, framing a loopback one).
 */
const ALLOWED = `http://127.0.0.1:${PORT + 1}`;
const REFUSED = `http://127.0.0.1:${PORT + 2}`;
/** Each project publishes its own cutoff (a publication is made once): desktop the demo's last day, the phone the day before. */
const CUTOFF = { desktop: "2023-06-07 17:00", "phone-360": "2023-06-06 17:00" } as Record<string, string>;

interface PublicationJson {
  unit: { code: string; name: string };
  cutoff: string;
  stamp: string;
  metrics: { metric: string; actual: number; target: number | null; percent: number | null; dueDate: string | null }[];
  rows: { code: string; name: string; actual: number; target: number | null; percent: number | null; rank: number | null; reportedOn: string | null }[];
  text: string;
}

async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  return { name: file.suggestedFilename(), body: readFileSync(await file.path()) };
}

test("a leader turns on Quảng Nam's public board and publishes it", async ({ page }, testInfo) => {
  await signIn(page, "lanhdao");
  await page.goto("/reports/public-board?unit=49");
  await expect(page.getByRole("heading", { level: 1, name: "Bảng công khai tiến độ" })).toBeVisible();
  await page.getByLabel("Bật bảng công khai").check();
  await page.getByLabel("Công bố danh sách biểu dương và phê bình").check();
  await page.getByLabel(/Giờ công bố hằng ngày/).fill("11:00, 17:00");
  await page.getByLabel(/Trang được nhúng bảng/).fill(ALLOWED);
  await page.getByRole("button", { name: "Lưu cài đặt" }).click();
  await expect(page.getByText("Đã lưu cài đặt bảng công khai.")).toBeVisible();
  await page.getByLabel(/Giờ chốt số liệu/).fill(CUTOFF[testInfo.project.name]);
  const [day, time] = CUTOFF[testInfo.project.name].split(" ");
  // The API's answers at the cutoff's day, just before and just after publishing: the other
  // specs write figures of days before it into the same database meanwhile, so the publication
  // is compared with them only when nothing moved while it was made (the integration tests
  // compare them without other writers).
  const answers = async () => {
    const rankings = await (await page.request.get(`/api/v1/rankings?parent=49&metric=activated&asOf=${day}`)).json();
    const metrics: Record<string, unknown> = {};
    for (const metric of ["dossiers", "accounts", "activated", "cccd", "accounts_l2", "activated_l2"]) {
      const progress = await (await page.request.get(`/api/v1/progress?unit=49&metric=${metric}&asOf=${day}`)).json();
      metrics[metric] = { actual: progress.actual, target: progress.target, percent: progress.percent, dueDate: progress.dueDate };
    }
    const rows = rankings.rows.map(({ code, name, actual, target, percent, rank, reportedOn }: PublicationJson["rows"][number]) => ({ code, name, actual, target, percent, rank, reportedOn }));
    return { rows, metrics };
  };
  const before = await answers();
  await page.getByRole("button", { name: "Công bố", exact: true }).click();
  const words = `${day.split("-").reverse().join("/")} ${time}`;
  await expect(page.getByText(`Đã công bố số liệu tính đến ${words}.`)).toBeVisible();
  await expect(page.getByTestId("publications").getByRole("link", { name: words })).toBeVisible();
  await expect(page.getByTestId("public-link")).toBeVisible();
  const after = await answers();
  const published = await page.request.get(`/cong-khai/49/${day}T${time.replace(":", "")}.json`);
  expect(published.status()).toBe(200);
  const publication = (await published.json()) as PublicationJson;
  if (JSON.stringify(before) === JSON.stringify(after)) {
    expect(publication.rows).toEqual(after.rows);
    for (const metric of publication.metrics) expect({ actual: metric.actual, target: metric.target, percent: metric.percent, dueDate: metric.dueDate }).toEqual(after.metrics[metric.metric]);
  } else {
    testInfo.annotations.push({ type: "note", description: "figures before the cutoff moved while publishing; the publication is compared with the API in tests/integration/public-board.test.ts" });
  }
  await screenshot(page, testInfo, "public-board-settings");
});

test("a browser with no account reads the board, in both languages, with its files", async ({ page }, testInfo) => {
  const response = await page.goto("/cong-khai/49");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["set-cookie"]).toBeUndefined();
  expect(response?.headers()["cache-control"]).toMatch(/^public/);
  expect(response?.headers()["etag"]).toBeTruthy();
  expect(await page.context().cookies()).toEqual([]);

  const latest = (await (await page.request.get("/cong-khai/49/latest.json")).json()) as PublicationJson;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tỉnh Quảng Nam");
  const [day, time] = [latest.cutoff.slice(0, 10), latest.cutoff.slice(11, 16)];
  await expect(page.getByTestId("cutoff")).toHaveText(`Số liệu tính đến ${time} ngày ${day.split("-").reverse().join("/")}`);
  if (testInfo.project.name === "desktop") expect(latest.stamp).toBe("2023-06-07T1700");

  // the page shows the JSON's figures, which are the API's at the cutoff's day
  for (const metric of latest.metrics) {
    await expect(page.getByTestId(`actual-${metric.metric}`)).toHaveText(formatNumber(metric.actual));
    if (metric.percent !== null) await expect(page.getByTestId(`percent-${metric.metric}`)).toHaveText(formatPercent(metric.percent));
  }
  const rows = page.getByTestId("ranking").locator("tbody tr");
  await expect(rows).toHaveCount(latest.rows.length);
  expect(latest.rows.length).toBe(18);
  for (const [i, row] of latest.rows.entries()) {
    await expect(rows.nth(i).locator("th")).toHaveText(row.name);
    await expect(rows.nth(i).locator("td").first()).toHaveText(String(row.rank ?? "—"));
  }
  await expect(page.getByTestId("press-text")).toHaveText(latest.text);
  expect(latest.text).toContain(formatNumber(latest.metrics.find((m) => m.metric === "activated")!.actual));

  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, testInfo, "public-board");

  const picture = await download(page, "Ảnh ngang 1200×675 (PNG)");
  expect(picture.name).toBe(`cong-khai-49-${latest.stamp}-1200x675.png`);
  expect([picture.body.readUInt32BE(16), picture.body.readUInt32BE(20)]).toEqual([1200, 675]);
  const tall = await download(page, "Ảnh dọc 1080×1350 (PNG)");
  expect([tall.body.readUInt32BE(16), tall.body.readUInt32BE(20)]).toEqual([1080, 1350]);
  mkdirSync("test-results/screenshots", { recursive: true });
  writeFileSync(`test-results/screenshots/${testInfo.project.name}-public-board-picture-1200x675.png`, picture.body);
  writeFileSync(`test-results/screenshots/${testInfo.project.name}-public-board-picture-1080x1350.png`, tall.body);

  await page.getByRole("link", { name: "Chuyển sang tiếng Anh" }).click();
  await expect(page).toHaveURL(/\?lang=en$/);
  await expect(page.getByRole("heading", { name: "Results against target" })).toBeVisible();
  await expect(page.getByTestId("cutoff")).toHaveText(`Figures as of ${time} on ${day.split("-").reverse().join("/")}`);
  const activated = latest.metrics.find((m) => m.metric === "activated")!;
  await expect(page.getByTestId("actual-activated")).toHaveText(formatNumber(activated.actual, "en"));
  await screenshot(page, testInfo, "public-board-en");

  const csv = (await download(page, "Download CSV")).body.toString("utf8");
  for (const row of latest.rows) expect(csv).toContain(`${row.code},${row.name},${row.actual},${row.target ?? ""},${row.percent ?? ""},${row.rank ?? ""},${row.reportedOn ?? ""}`);
  expect(await page.context().cookies()).toEqual([]);
});

/** A site whose page frames the board's embed page, listening on `origin`'s port. */
async function newspaperSite(origin: string): Promise<Server> {
  const site = createServer((_request, response) => {
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end(`<!DOCTYPE html><html lang="vi"><head><title>Báo</title></head><body><iframe title="board" src="http://127.0.0.1:${PORT}/cong-khai/49/embed" width="340" height="700"></iframe></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(Number(new URL(origin).port), "127.0.0.1", resolve));
  return site;
}

test("the embed page loads in an iframe of a listed site and is refused by another", async ({ page }, testInfo) => {
  const sites = [await newspaperSite(ALLOWED), await newspaperSite(REFUSED)];
  try {
    await page.goto(`${ALLOWED}/`);
    await expect(page.frameLocator("iframe").getByTestId("cutoff")).toContainText("Số liệu tính đến");
    await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toContainText("Tỉnh Quảng Nam");
    await screenshot(page, testInfo, "public-board-embed");

    const refusals: string[] = [];
    page.on("console", (message) => refusals.push(message.text()));
    await page.goto(`${REFUSED}/`);
    await expect.poll(() => refusals.some((text) => text.includes("frame-ancestors"))).toBe(true);
    await expect(page.frameLocator("iframe").getByTestId("cutoff")).toHaveCount(0);
  } finally {
    for (const site of sites) site.close();
  }

  // the board's own page may not be framed by anyone
  const own = await page.request.get("/cong-khai/49");
  expect(own.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(own.headers()["x-frame-options"]).toBe("DENY");
  const embed = await page.request.get("/cong-khai/49/embed");
  expect(embed.headers()["content-security-policy"]).toContain(`frame-ancestors ${ALLOWED}`);
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
});

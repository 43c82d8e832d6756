// The overview answers the morning questions on its first screen: where do we stand (the KPI
// cards), who is praised and criticised (the rankings' lists and sentence) and how many units
// have not reported (linking to the reporting status of the unit). Issue 24, point 1.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { addDays } from "@/lib/domain/dates";
import { formatDay } from "@/lib/domain/format";
import { QUANG_NAM_DAY, screenshot, signIn } from "./helpers";

const daysBefore = (days: number) => addDays(QUANG_NAM_DAY, -days);
const PERCENT_VI = /^\d{1,3}(\.\d{3})*,\d{2}%$/;
const PERCENT_EN = /^\d{1,3}(,\d{3})*\.\d{2}%$/;

/** The desktop project is 1280 px wide; the issue's screens are 1366 × 768. */
async function useIssueViewport(page: Page, testInfo: TestInfo) {
  if (testInfo.project.name === "desktop") await page.setViewportSize({ width: 1366, height: 768 });
}

async function expectOnFirstScreen(page: Page, testInfo: TestInfo, testIds: string[]) {
  if (testInfo.project.name !== "desktop") return;
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const id of testIds) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.y + box.height, `${id} ends within the first 768 px`).toBeLessThanOrEqual(768);
  }
}

async function expectNoSidewaysScroll(page: Page) {
  const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test("the provincial overview names the praised and criticised districts with the rankings' sentence, and links the units not reported today", async ({ page }, testInfo) => {
  await useIssueViewport(page, testInfo);
  await signIn(page, "tinh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tỉnh Quảng Nam");

  const praised = page.getByTestId("overview-praise").locator("li");
  const criticised = page.getByTestId("overview-criticism").locator("li");
  await expect(page.getByRole("heading", { name: "Biểu dương và phê bình" })).toBeVisible();
  await expect(praised).toHaveCount(3);
  await expect(criticised).toHaveCount(5);
  for (const item of [...(await praised.all()), ...(await criticised.all())]) await expect(item.locator("span.shrink-0")).toHaveText(PERCENT_VI);
  await expect(praised.first()).toContainText("1.");
  await expect(criticised.first()).toContainText("18.");
  const sentence = (await page.getByTestId("overview-praise-sentence").textContent())!;
  expect(sentence).toMatch(/^Biểu dương: [^;]+ \(\d+,\d{2}%\), [^;]+, [^;]+; Phê bình: [^;]+\.$/);

  const notReported = page.getByTestId("overview-not-reported");
  await expect(notReported).toHaveText(new RegExp(`^⚠ \\d+ đơn vị chưa báo cáo ngày ${formatDay(QUANG_NAM_DAY)} →$`));
  const missing = Number((await notReported.textContent())!.match(/\d+/)![0]);
  expect(missing).toBeGreaterThan(0);
  await expect(page.getByText(/\d+\/241 đơn vị đã báo cáo/)).toBeVisible();

  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-overview-morning-first-screen.png` });
  await screenshot(page, testInfo, "overview-morning");
  await page.getByTestId("overview-morning").screenshot({ path: `test-results/screenshots/${testInfo.project.name}-overview-morning-section.png` });
  await expectOnFirstScreen(page, testInfo, ["overview-criticism", "overview-not-reported", "overview-praise-sentence"]);
  await expectNoSidewaysScroll(page);

  // The same sentence and the same units as the rankings page.
  const firstPraised = (await praised.first().locator("a").textContent())!;
  await page.getByRole("link", { name: "Xem bảng xếp hạng →" }).click();
  await expect(page).toHaveURL(/\/units\/49\/rankings/);
  await expect(page.getByTestId("praise-sentence")).toHaveText(sentence);
  await expect(page.getByTestId("ranking-table").locator("tbody tr").first()).toContainText(firstPraised);

  // The count links to the reporting status of the province, which lists as many units.
  await page.goBack();
  await notReported.getByRole("link").click();
  await expect(page).toHaveURL(/\/reporting\?.*unit=49/);
  await expect(page.getByTestId("reporting-summary")).toContainText(`${missing} chưa báo cáo`);
  expect(await page.locator("[data-group] li").count()).toBe(missing);
});

test("on an earlier day the overview says that day, and when everyone reported it says so", async ({ page }, testInfo) => {
  await useIssueViewport(page, testInfo);
  await signIn(page, "tinh");
  await page.goto(`/dashboard?asOf=${daysBefore(3)}`);
  await expect(page.getByTestId("overview-not-reported")).toHaveText(`✓ Cả 241 đơn vị đã báo cáo ngày ${formatDay(daysBefore(3))}`);
  await expect(page.getByTestId("overview-praise").locator("li")).toHaveCount(3);
});

test("in English: the lists, the sentence and the count follow the reader's language", async ({ page, context, baseURL }, testInfo) => {
  await useIssueViewport(page, testInfo);
  await signIn(page, "tinh");
  await context.addCookies([{ name: "vneid-locale", value: "en", url: baseURL! }]);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Praise and criticism" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Praised" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Criticised" })).toBeVisible();
  await expect(page.getByTestId("overview-praise").locator("li")).toHaveCount(3);
  await expect(page.getByTestId("overview-criticism").locator("li")).toHaveCount(5);
  for (const text of await page.getByTestId("overview-praise").locator("span.shrink-0").allTextContents()) expect(text).toMatch(PERCENT_EN);
  await expect(page.getByTestId("overview-praise-sentence")).toHaveText(/^Praised: [^;]+ \(\d+\.\d{2}%\), [^;]+, [^;]+; Criticised: [^;]+\.$/);
  await expect(page.getByTestId("overview-not-reported")).toHaveText(new RegExp(`^⚠ \\d+ units have not reported for ${formatDay(QUANG_NAM_DAY)} →$`));
  await expect(page.getByRole("heading", { name: "Reports for the day" })).toBeVisible();
  await expect(page.getByText(/\d+\/241 units reported/)).toBeVisible();
  expect(await page.getByRole("main").innerText()).not.toMatch(/Biểu dương|Phê bình|chưa báo cáo|Xem bảng/);
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-en-overview-morning-first-screen.png` });
  await screenshot(page, testInfo, "en-overview-morning");
  await expectOnFirstScreen(page, testInfo, ["overview-criticism", "overview-not-reported"]);
  await expectNoSidewaysScroll(page);
});

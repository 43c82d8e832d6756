// Issue 24, points 2, 3, 12 and 13's chart items: the trend chart runs to the next milestone
// with the projection; the map has words (names on a wide screen, numbers keyed to the table
// on a phone), a sequential scale and a table by percent; the bar chart's ticks include 100%;
// no axis label is clipped; a printed overview shows its charts and no navigation.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { QUANG_NAM_DAY, revealCharts, screenshot, signIn } from "./helpers";

const shot = (testInfo: TestInfo, name: string) => `test-results/screenshots/${testInfo.project.name}-${name}.png`;

async function useIssueViewport(page: Page, testInfo: TestInfo) {
  if (testInfo.project.name === "desktop") await page.setViewportSize({ width: 1366, height: 768 });
}

/** Every tick label of a chart lies inside the chart's drawing: nothing clipped at the edges. */
async function expectTicksInside(chart: Locator) {
  const overflow = await chart.evaluate((root) => {
    const svg = root.querySelector("svg.recharts-surface");
    if (!svg) return ["no chart"];
    const box = svg.getBoundingClientRect();
    const texts = [...root.querySelectorAll("text.recharts-cartesian-axis-tick-value")];
    if (texts.length === 0) return ["no tick labels"];
    return texts.flatMap((text) => {
      const r = text.getBoundingClientRect();
      return r.left < box.left - 0.5 || r.right > box.right + 0.5 ? [`${text.textContent} ${r.left}–${r.right} outside ${box.left}–${box.right}`] : [];
    });
  });
  expect(overflow).toEqual([]);
}

test("the trend chart runs to the next milestone: milestone lines with date and target, today, the projection", async ({ page }, testInfo) => {
  await useIssueViewport(page, testInfo);
  await signIn(page, "tinh");
  await revealCharts(page);
  const chart = page.locator('[data-chart="trend"]');
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  const due = await page.locator("#milestone-heading + dl dd").first().textContent();
  expect(due).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  const [dd, mm] = due!.split("/");
  // A vertical line on the next milestone, labelled with its date and target; one on today.
  await expect(chart.locator("text", { hasText: new RegExp(`^Mốc ${dd}/${mm} · \\d{1,3}(\\.\\d{3})*$`) })).toHaveCount(1);
  await expect(chart.locator("text", { hasText: /^Hôm nay$/ })).toHaveCount(1);
  // The time axis ends on the milestone's day, after today.
  const ticks = await chart.locator(".recharts-xAxis-tick-labels text").allTextContents();
  expect(ticks[ticks.length - 1]).toBe(`${dd}/${mm}`);
  const today = QUANG_NAM_DAY;
  expect(`${due!.slice(6)}-${mm}-${dd}` > today).toBe(true);
  // Four lines: actual, target, projected (dashed), required (dotted).
  await expect(chart.locator(".recharts-line path.recharts-curve")).toHaveCount(4);
  await expect(page.locator("#trend-heading + p")).toContainText(`đến ngày ${due}`);
  await expectTicksInside(chart);
  await expectTicksInside(page.locator("#daily-heading").locator("xpath=ancestor::figure"));
  await page.locator('section[aria-labelledby="trend-heading"]').screenshot({ path: shot(testInfo, "trend-to-milestone") });
  await page.locator('section[aria-labelledby="daily-heading"]').screenshot({ path: shot(testInfo, "daily-chart-axis") });
});

test("the rankings' bar chart has round ticks that include 100%, on the 100% line", async ({ page }, testInfo) => {
  await useIssueViewport(page, testInfo);
  await signIn(page, "tinh");
  await page.goto("/units/49/rankings");
  await revealCharts(page);
  const surface = page.locator("[data-chart-box]").first();
  await expect(surface.locator("svg.recharts-surface")).toBeVisible();
  const ticks = await surface.locator(".recharts-xAxis-tick-labels text").allTextContents();
  expect(ticks).toContain("100%");
  const values = ticks.map((t) => Number(t.replace("%", "").replace(",", ".")));
  const step = values[1] - values[0];
  expect([10, 20, 25, 50, 100]).toContain(step);
  expect(values.every((v, i) => v === i * step)).toBe(true);
  // The 100% reference line sits on the 100% tick.
  const tickX = await surface.locator(".recharts-xAxis-tick-labels text", { hasText: /^100%$/ }).getAttribute("x");
  const lineX = await surface.locator("line.recharts-reference-line-line").first().getAttribute("x1");
  expect(Number(lineX)).toBeCloseTo(Number(tickX), 1);
  await expectTicksInside(page.locator("[data-chart-box]").first());
  await page.locator("[data-chart-box]").first().screenshot({ path: shot(testInfo, "percent-bar-ticks") });
});

test("the map names its districts (numbers keyed to the table on a phone), with a light-to-dark scale and the table by percent", async ({ page }, testInfo) => {
  await useIssueViewport(page, testInfo);
  await signIn(page, "tinh");
  await page.goto("/map");
  const phone = testInfo.project.name === "phone-360";
  const names = page.locator('[data-map-labels="names"] text');
  const numbers = page.locator('[data-map-labels="numbers"] text');
  await expect(names).toHaveCount(18);
  if (phone) {
    await expect(names.first()).toBeHidden();
    await expect(numbers.first()).toBeVisible();
    await expect(page.getByText("Số trên bản đồ là thứ tự")).toBeVisible();
  } else {
    await expect(names.first()).toBeVisible();
    await expect(numbers.first()).toBeHidden();
    await expect(names.filter({ hasText: "Núi Thành" })).toHaveCount(1);
  }
  // The table: percent, highest first, numbered 1…18; a district's number on the map is its row's.
  const rows = page.getByTestId("map-table").locator("tbody tr");
  const percents = (await rows.locator("td:nth-child(4)").allTextContents()).map((t) => Number(t.replace(/\./g, "").replace(",", ".").replace("%", "")));
  expect(percents).toEqual([...percents].sort((a, b) => b - a));
  expect(await page.getByTestId("map-number").allTextContents()).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
  const first = await rows.first().getAttribute("data-unit");
  await expect(page.locator(`svg a[data-district="${first}"]`)).toHaveAttribute("aria-label", /^1\. /);
  // The legend's bins get darker from low to high.
  const lightness = await page.getByTestId("map-legend").locator("li:not([data-class=none]) rect").evaluateAll((rects) =>
    rects.map((rect) => {
      const [r, g, b] = getComputedStyle(rect).fill.match(/\d+/g)!.map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }));
  expect(lightness).toHaveLength(5);
  expect(lightness).toEqual([...lightness].sort((a, b) => b - a));
  await page.locator('section[aria-labelledby="map-heading"]').screenshot({ path: shot(testInfo, "map-words") });
  await screenshot(page, testInfo, "map-page");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.locator('section[aria-labelledby="map-heading"]').screenshot({ path: shot(testInfo, "map-words-dark") });
});

/** Renders a PDF's pages to PNG with PDF.js (unpdf's build) in a blank page, and returns its text. */
async function renderPdf(page: Page, pdf: Buffer, pngPrefix: string): Promise<{ pages: number; text: string }> {
  const pdfjs = readFileSync(path.join(process.cwd(), "node_modules", "unpdf", "dist", "pdfjs.mjs"));
  await page.route("http://pdf.test/**", (route) =>
    route.request().url().endsWith("/pdfjs.mjs")
      ? route.fulfill({ body: pdfjs, contentType: "text/javascript" })
      : route.fulfill({ body: "<!doctype html><body style='margin:0;background:#888'></body>", contentType: "text/html" }));
  await page.goto("http://pdf.test/");
  const result = await page.evaluate(async (base64) => {
    const { getDocument } = await import("http://pdf.test/pdfjs.mjs" as string);
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const doc = await getDocument({ data, isEvalSupported: false }).promise;
    let text = "";
    for (let n = 1; n <= doc.numPages; n++) {
      const pdfPage = await doc.getPage(n);
      const viewport = pdfPage.getViewport({ scale: 1.25 });
      const canvas = document.createElement("canvas");
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.style.display = "block";
      canvas.style.margin = "8px";
      canvas.dataset.page = String(n);
      document.body.append(canvas);
      await pdfPage.render({ canvasContext: canvas.getContext("2d")!, viewport }).promise;
      text += (await pdfPage.getTextContent()).items.map((item: { str?: string }) => item.str ?? "").join(" ") + "\n";
    }
    return { pages: doc.numPages, text };
  }, pdf.toString("base64"));
  for (let n = 1; n <= result.pages; n++) await page.locator(`canvas[data-page="${n}"]`).screenshot({ path: `${pngPrefix}-page${n}.png` });
  return result;
}

test("a printed overview shows every chart and no navigation", async ({ page, browser }, testInfo) => {
  await useIssueViewport(page, testInfo);
  await signIn(page, "tinh");
  // Not scrolled: the charts below the first screen are still grey boxes.
  await expect(page.locator("[data-chart-placeholder]").first()).toBeAttached();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("[data-chart-placeholder]")).toHaveCount(0);
  await expect(page.locator("[data-chart-box] svg.recharts-surface")).toHaveCount(2);
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" })).toBeHidden();
  await expect(page.locator("main form[method=get]")).toBeHidden();
  await page.screenshot({ path: shot(testInfo, "overview-print-media"), fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: true, margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" } });
  const viewer = await browser.newPage();
  const { text, pages } = await renderPdf(viewer, pdf, shot(testInfo, "overview-printed").replace(/\.png$/, ""));
  await viewer.close();
  expect(pages).toBeGreaterThan(0);
  // The charts' own words are in the printed file: the milestone line's label and the axis ticks.
  expect(text).toMatch(/Mốc \d{2}\/\d{2} · \d/);
  expect(text).toContain("Hôm nay");
  expect(text).not.toContain("Đăng xuất");
});

import { expect, test, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { revealCharts, screenshot, signIn } from "./helpers";
import { resolvePath } from "./page-paths";
import { PAGES, pageSlug } from "./pages";

// Dark mode follows the system setting (app/globals.css mirrors the palette under
// prefers-color-scheme: dark). Every page (./pages.ts), as the user who would open it, must actually be
// dark, pass axe's WCAG 2.1 A/AA checks (colour contrast included) and draw its charts in
// colours meant for a dark background. Both projects run it: desktop and 360 px.
test.use({ colorScheme: "dark" });

/** The pages whose charts must have drawn before the checks. */
const WITH_CHARTS = new Set(["/dashboard", "/units/49/rankings"]);

/** WCAG relative luminance (0 black … 1 white) of any CSS colour, as the browser resolves it. */
async function luminance(page: Page, colour: string): Promise<number> {
  return page.evaluate((css) => {
    const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    if (!context) throw new Error("no 2d canvas");
    context.fillStyle = "#ff00ff";
    context.fillStyle = css;
    if (context.fillStyle === "#ff00ff" && css.replace(/\s/g, "") !== "#ff00ff") throw new Error(`unparsable colour: ${css}`);
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = Array.from(context.getImageData(0, 0, 1, 1).data).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, colour);
}

const computed = (locator: Locator, property: string) => locator.evaluate((el, name) => getComputedStyle(el).getPropertyValue(name).trim(), property);

for (const { path, user } of PAGES) {
  test(`dark mode: ${path} is dark, readable and has no serious accessibility violations`, async ({ page }, testInfo) => {
    if (user) await signIn(page, user);
    expect((await page.goto(await resolvePath(path)))?.status()).toBe(200);
    await expect(page.locator("h1").first()).toBeVisible();
    if (WITH_CHARTS.has(path)) {
      await revealCharts(page);
      await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    }

    expect(await luminance(page, await computed(page.locator("body"), "background-color"))).toBeLessThan(0.2);
    expect(await luminance(page, await computed(page.locator("h1").first(), "color"))).toBeGreaterThan(0.6);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, testInfo, `dark-${pageSlug(path)}`);
  });
}

test("dark mode: charts draw light ticks and lines on the dark surface", async ({ page }) => {
  await signIn(page, "tinh");
  await revealCharts(page);
  const tick = page.locator(".recharts-cartesian-axis-tick-value").first();
  await expect(tick).toBeVisible();
  expect(await luminance(page, await computed(tick, "fill"))).toBeGreaterThan(0.5);
  const cumulative = page.locator(".recharts-line-curve").last();
  expect(await luminance(page, await computed(cumulative, "stroke"))).toBeGreaterThan(0.3);
  const grid = page.locator(".recharts-cartesian-grid line").first();
  expect(await luminance(page, await computed(grid, "stroke"))).toBeLessThan(0.1);
});

test("dark mode: the weekly report's chart has light labels on the dark surface", async ({ page }) => {
  await signIn(page, "lanhdao");
  await page.goto("/reports/weekly");
  const label = page.locator("svg[role=img] text").first();
  await expect(label).toBeVisible();
  expect(await luminance(page, await computed(label, "fill"))).toBeGreaterThan(0.5);
});

test("dark mode: the map keeps its classes apart and its districts separated by dark borders", async ({ page }) => {
  await signIn(page, "tinh");
  await page.goto("/map");
  const districts = page.locator("path[data-class]");
  await expect(districts.first()).toBeVisible();
  const fills = new Set<string>();
  for (const district of await districts.all()) {
    const fill = await computed(district, "fill");
    expect(fill).not.toMatch(/var\(/);
    fills.add(fill);
  }
  expect(fills.size).toBeGreaterThan(1);
  expect(await luminance(page, await computed(districts.first(), "stroke"))).toBeLessThan(0.05);
});

test("dark mode: keyboard focus on the sign-in button is a light ring on a dark gap", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel("Tên đăng nhập")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const button = page.getByRole("button", { name: "Đăng nhập" });
  await expect(button).toBeFocused();
  expect(await computed(button, "box-shadow")).not.toBe("none");
  expect(await luminance(page, await computed(button, "--tw-ring-color"))).toBeGreaterThan(0.3);
  expect(await luminance(page, await computed(button, "--tw-ring-offset-color"))).toBeLessThan(0.05);
});

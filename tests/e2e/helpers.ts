import { expect, type Page, type TestInfo } from "@playwright/test";
import { addDays } from "@/lib/domain/dates";
import { DEMO_2023_DAY } from "@/lib/db/seed/demo-figures";

export const DEMO_PASSWORD = "demo-vneid-2026";

/*
 * The server seeds the demo with its present (README "The demo"): Quảng Nam's campaign ends on
 * 07/06/2023, where the views of its accounts (`tinh`, `lanhdao`, `nuithanh`, `tamnghia`, whose
 * units ended on 30/06/2025) open, and Thành phố Đà Nẵng's (`danang`, `hoian`) runs to today.
 */
/** The day Quảng Nam's demo campaign ends on, and its accounts' views open on: 07/06/2023. */
export const QUANG_NAM_DAY = DEMO_2023_DAY;
/** An instant on the day after QUANG_NAM_DAY (the weekly report's default week is the last complete one then). */
export const QUANG_NAM_NOW = new Date(`${addDays(DEMO_2023_DAY, 1)}T05:00:00Z`);

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/(dashboard|entry)/);
  // A district officer on a phone lands on entry (tests/e2e/parent-ranking.spec.ts checks it);
  // the specs start from the overview, every role and width alike.
  if (new URL(page.url()).pathname === "/entry") await page.goto("/dashboard");
}

/** Screenshots go to test-results/screenshots/<project>-<name>.png for people to look at. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await revealCharts(page);
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-${name}.png`, fullPage: true });
}

/** Charts load when they come near the screen: scroll each chart's box into view first. */
export async function revealCharts(page: Page): Promise<void> {
  for (const box of await page.locator("[data-chart-box]").all()) await box.scrollIntoViewIfNeeded();
}

/** A link of the main navigation, opening the menu first where it is folded (on a phone). */
export async function mainNavLink(page: Page, name: string, navigation = "Điều hướng chính") {
  const nav = page.getByRole("navigation", { name: navigation });
  const link = nav.getByRole("list").getByRole("link", { name, exact: true });
  // On a phone the links sit behind the menu button. A click that lands before
  // the page has hydrated opens nothing, so open the menu until the link shows.
  await expect(async () => {
    if (!(await link.isVisible())) {
      const menu = nav.getByRole("button", { expanded: false });
      if (await menu.isVisible()) await menu.click();
    }
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  return link;
}

import { expect, type Page, type TestInfo } from "@playwright/test";
import { addDays, todayInVietnam } from "@/lib/domain/dates";
import { DEMO_2023_DAY } from "@/lib/db/seed/demo-figures";

export const DEMO_PASSWORD = "demo-vneid-2026";

/**
 * Whether the server seeded the demo with its present (`SEED_DEMO=present`, README "The demo's
 * present"): Quảng Nam's campaign then ends on 07/06/2023, where the views of its accounts
 * (`tinh`, `lanhdao`, `nuithanh`, `tamnghia`) open, and Thành phố Đà Nẵng's runs to today.
 */
export const PRESENT = process.env.SEED_DEMO === "present";
/** The day Quảng Nam's demo campaign ends on, and its accounts' views open on: today, or 07/06/2023 with the present. */
export const QUANG_NAM_DAY = PRESENT ? DEMO_2023_DAY : todayInVietnam();
/** An instant on the day after QUANG_NAM_DAY (the weekly report's default week is the last complete one then), or now. */
export const QUANG_NAM_NOW = PRESENT ? new Date(`${addDays(DEMO_2023_DAY, 1)}T05:00:00Z`) : new Date();

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

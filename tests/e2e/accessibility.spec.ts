import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

// Every page, as the user who would open it, checked by axe for WCAG 2.1 A/AA problems.
// Serious and critical violations fail the test; the message lists them.
const PAGES: { path: string; user: string | null }[] = [
  { path: "/login", user: null },
  { path: "/dashboard", user: "tinh" },
  { path: "/entry", user: "nuithanh" },
  { path: "/entry/history?unit=21001", user: "nuithanh" },
  { path: "/import", user: "nuithanh" },
  { path: "/audit", user: "tinh" },
  { path: "/entry/locks", user: "admin" },
  { path: "/units/49/rankings", user: "tinh" },
  { path: "/reporting", user: "tinh" },
  { path: "/map", user: "tinh" },
  { path: "/units/517", user: "nuithanh" },
  { path: "/reports/weekly", user: "lanhdao" },
  { path: "/admin/users", user: "admin" },
  { path: "/admin/units", user: "admin" },
  { path: "/admin/campaigns", user: "admin" },
  { path: "/account/tokens", user: "tinh" },
];

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

for (const { path, user } of PAGES) {
  test(`${path} has no serious accessibility violations`, async ({ page }, testInfo) => {
    if (user) await signIn(page, user);
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, testInfo, `a11y-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root"}`);
  });
}

test("the sign-in form works with the keyboard alone, with a visible focus", async ({ page }) => {
  await page.goto("/login");
  // The username box has the focus when the page opens.
  const username = page.getByLabel("Tên đăng nhập");
  await expect(username).toBeFocused();
  const outline = await username.evaluate((el) => getComputedStyle(el).outlineStyle + getComputedStyle(el).boxShadow);
  expect(outline).not.toBe("none none");
  await page.keyboard.type("tinh");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Mật khẩu")).toBeFocused();
  await page.keyboard.type("demo-vneid-2026");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard/);
});

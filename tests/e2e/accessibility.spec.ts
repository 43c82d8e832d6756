import { expect, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { readStoredNames } from "./data-names";
import { screenshot, signIn } from "./helpers";
import { resolvePath } from "./page-paths";
import { PAGES, pageSlug } from "./pages";

// Every page (./pages.ts: every app/**/page.tsx), as the user who would open it, checked by
// axe for WCAG 2.1 A/AA problems in each language. Serious and critical violations fail the
// test; the message lists them. English pages must also show no Vietnamese interface text:
// what remains after removing the data people entered (unit, campaign, user and token names,
// reasons) must have no Vietnamese letter, so a string left outside the catalogue fails here.
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

for (const { path, user } of PAGES) {
  test(`${path} has no serious accessibility violations`, async ({ page }, testInfo) => {
    if (user) await signIn(page, user);
    expect((await page.goto(await resolvePath(path)))?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.locator("h1").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, testInfo, `a11y-${pageSlug(path)}`);
  });

  test(`${path} in English: no serious accessibility violations, no Vietnamese interface text`, async ({ page, context, baseURL }, testInfo) => {
    if (user) await signIn(page, user);
    await context.addCookies([{ name: "vneid-locale", value: "en", url: baseURL! }]);
    expect((await page.goto(await resolvePath(path)))?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("h1").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    const names = await readStoredNames();
    // Visible text, attributes people hear (aria-label, title, placeholder, alt) and the
    // title; text marked lang="vi" (the switch back to Vietnamese) is meant to be Vietnamese.
    const texts = await page.evaluate(() => {
      const out: string[] = [document.title];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest("[lang='vi'], script, style, template")) continue;
        out.push(node.textContent ?? "");
      }
      for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
        if (el.closest("[lang='vi']")) continue;
        for (const name of ["aria-label", "title", "placeholder", "alt"]) out.push(el.getAttribute(name) ?? "");
      }
      for (const option of document.querySelectorAll("option")) out.push(option.textContent ?? "");
      return out;
    });
    const leftovers = texts
      .map((text) => names.reduce((rest, name) => rest.split(name).join(" "), text.normalize("NFC")))
      .filter((text) => VIETNAMESE.test(text))
      .map((text) => text.trim().slice(0, 100));
    expect([...new Set(leftovers)]).toEqual([]);
    await screenshot(page, testInfo, `en-${pageSlug(path)}`);
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

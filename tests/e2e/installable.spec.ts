import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the web app manifest makes the dashboard installable, with icons that load", async ({ page, request }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const response = await request.get(href!);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; purpose?: string }[] };
  expect(manifest).toMatchObject({ start_url: "/dashboard", display: "standalone" });
  expect(manifest.name).toContain("định danh điện tử");
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) expect((await request.get(icon.src)).ok(), icon.src).toBe(true);
});

test("only the entry page registers a service worker: the dashboards' figures are never kept in a cache", async ({ page }) => {
  // the entry page's worker (issue 23) is tested in offline-entry.spec.ts
  const kept = () => page.evaluate(async () => ({
    workers: "serviceWorker" in navigator ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    caches: await caches.keys(),
  }));
  await page.goto("/login");
  expect(await kept()).toEqual({ workers: 0, caches: [] });
  await signIn(page, "tinh");
  await page.goto("/units/49/rankings");
  await expect(page.getByTestId("ranking-table")).toBeVisible();
  expect(await kept()).toEqual({ workers: 0, caches: [] });
});

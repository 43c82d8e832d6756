// The demo's present (issue 20): Thành phố Đà Nẵng's official ranks the city's 94 communes
// today, with no district wording; moving the view's date to 2023 shows Quảng Nam's districts,
// the city's past, with the line saying which structure the view shows. Runs on a server
// seeded with the present (SEED_DEMO=present; README "The demo's present").
import { expect, test } from "@playwright/test";
import { PRESENT, QUANG_NAM_DAY, screenshot, signIn } from "./helpers";
import { formatDay } from "@/lib/domain/format";

test.skip(!PRESENT, "needs the demo's present (SEED_DEMO=present)");

test("Đà Nẵng's official ranks 94 communes today, and on a 2023 day reads Quảng Nam's districts", async ({ page }, testInfo) => {
  if (testInfo.project.name === "desktop") await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, "danang");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Thành phố Đà Nẵng");
  await page.goto("/rankings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xếp hạng cấp xã · Thành phố Đà Nẵng");
  await expect(page.getByTestId("ranking-table").locator("tbody tr")).toHaveCount(94);
  await expect(page.locator("main")).not.toContainText(/huyện|quận|thị xã/i);
  await screenshot(page, testInfo, "present-rankings");

  await page.getByLabel("Số liệu đến ngày").fill(formatDay(QUANG_NAM_DAY));
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page).toHaveURL(new RegExp(`/units/49/rankings\\?.*asOf=${QUANG_NAM_DAY}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xếp hạng cấp huyện · Tỉnh Quảng Nam");
  await expect(page.getByTestId("ranking-table").locator("tbody tr")).toHaveCount(18);
  await expect(page.getByTestId("structure-note")).toHaveText(
    "Số liệu theo địa giới hành chính trước ngày 01/07/2025. Tỉnh Quảng Nam nay thuộc: Thành phố Đà Nẵng (48).");
  await screenshot(page, testInfo, "present-2023");
});

// A page's problem looks the same wherever it appears (components/ui/problem.tsx): a unit out
// of the user's scope on a dashboard, a refused page (the audit log, the weekly report and its
// settings), a refusal beside a page's own content.
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

test("a dashboard, the audit log, the weekly report's pages and the entry page show their refusal in the one problem box", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  await page.goto("/units/49");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("Bạn không có quyền xem đơn vị này.");
  await expect(alert.getByRole("link")).toHaveAttribute("href", "/dashboard");
  await screenshot(page, testInfo, "problem-dashboard");

  await page.goto("/audit");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Bạn không có quyền");
  await screenshot(page, testInfo, "problem-page");

  const boxes = new Set<string>();
  for (const path of ["/units/49", "/audit"]) {
    await page.goto(path);
    boxes.add((await page.getByRole("main").getByRole("alert").getAttribute("class")) ?? "");
  }

  // the weekly report's pages: a province outside the district's scope is refused, with the way
  // back to the district's own report; a malformed week is noted above the report shown instead
  await page.goto("/reports/weekly?unit=49");
  const refusal = page.getByRole("main").getByRole("alert");
  await expect(refusal).toContainText("nằm ngoài phạm vi của bạn");
  await expect(refusal.getByRole("link")).toHaveAttribute("href", "/reports/weekly");
  await screenshot(page, testInfo, "problem-weekly-report");
  boxes.add((await refusal.getAttribute("class")) ?? "");
  for (const path of ["/reports/weekly/settings?unit=49", "/reports/weekly/settings/criticism?unit=49"]) {
    await page.goto(path);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(/\S/);
    boxes.add((await page.getByRole("main").getByRole("alert").getAttribute("class")) ?? "");
  }
  await page.goto("/reports/weekly?week=2023-W99");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Tuần phải có dạng YYYY-Www");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Huyện Núi Thành");
  boxes.add((await page.getByRole("main").getByRole("alert").getAttribute("class")) ?? "");

  // a provincial official may not enter figures: the entry page says so below its heading
  await page.context().clearCookies();
  await signIn(page, "tinh");
  await page.goto("/entry");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Bạn không có quyền");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await screenshot(page, testInfo, "problem-inline");
  boxes.add((await page.getByRole("main").getByRole("alert").getAttribute("class")) ?? "");

  // the same box, the same classes, wherever it is shown
  expect(boxes.size).toBe(1);
});

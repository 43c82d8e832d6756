import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

/** Interface words of the administration pages that must not be left in Vietnamese. */
const VIETNAMESE_INTERFACE = ["Đơn vị hành chính", "Tình trạng", "Trực thuộc", "Tìm theo tên", "Lý do", "Nhập tệp", "Chỉ kiểm tra", "Quản trị", "Đổi tên", "Đợt cao điểm và chỉ tiêu", "Các mốc", "Tạo đợt", "Chỉ tiêu", "Cảnh báo", "Tổng các đơn vị", "cấp trên", "Đã lưu"];

/** The administration's own part of the page (its sub-navigation and content; the site header is not its to word). */
async function expectNoVietnameseInterface(page: Page) {
  const text = (await page.getByRole("navigation", { name: "Administration" }).innerText()) + (await page.locator("main").innerText());
  for (const word of VIETNAMESE_INTERFACE) expect(text, `"${word}" left in Vietnamese`).not.toContain(word);
}

test("an administrator who reads English administers units, campaigns and targets in English", async ({ page, context, baseURL }, testInfo) => {
  await signIn(page, "admin");
  await context.addCookies([{ name: "vneid-locale", value: "en", url: baseURL! }]);

  await page.goto("/admin/units?q=nui+thanh");
  await expect(page).toHaveTitle(/Administrative units/);
  await expect(page.getByRole("heading", { level: 1, name: "Administrative units" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Campaigns and targets" })).toBeVisible();
  await expect(page.getByLabel("Search by name (with or without diacritics) or code")).toHaveValue("nui thanh");
  await expect(page.getByRole("heading", { name: "Results for “nui thanh”: 3" })).toBeVisible();
  const found = page.getByRole("table", { name: "Units matching nui thanh" });
  await expect(found.locator("thead th")).toHaveText(["Code", "Name", "Level", "Subunits", "Status"]);
  // today's commune first (Xã Núi Thành), then the district and town that ended on 30/06/2025
  await expect(found.locator("tbody tr td:nth-child(5)").first()).toHaveText("Active");
  await expect(page.getByRole("button", { name: "Import file" })).toBeVisible();
  await expect(page.getByText("Check only, do not write")).toBeVisible();
  await expectNoVietnameseInterface(page);

  // a code typed by an administrator names the unit it is today: the city of Đà Nẵng
  await page.goto("/admin/units?code=48");
  await expect(page.getByRole("heading", { name: /Thành phố Đà Nẵng \(48 · Province · / })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Dissolve / merge" })).toBeVisible();
  await expect(page.getByLabel("Merge into (code of a unit at the same level; leave blank to dissolve)")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Units under Thành phố Đà Nẵng" })).toBeVisible();
  await expectNoVietnameseInterface(page);
  await screenshot(page, testInfo, "admin-units-en");

  await page.goto("/admin/campaigns");
  await expect(page.getByRole("heading", { level: 1, name: "Peak campaigns and targets" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Campaigns" }).getByRole("columnheader", { name: "Milestones" })).toBeVisible();
  // Quảng Nam's demo campaign's target count, in English notation (2,080)
  await expect(page.locator('tbody tr[data-campaign="cao-diem-demo"] td:last-child')).toHaveText(/^\d{1,3}(,\d{3})+$/);
  // a schema's refusal, worded when the form is parsed: in English
  const create = page.getByRole("region", { name: "New campaign" });
  await create.getByLabel("Campaign code (lower-case letters, digits, hyphens)").fill("en-never-created");
  await create.getByLabel("Start").fill("2027-03-01");
  await create.getByLabel("End").fill("2027-03-31");
  await create.getByRole("button", { name: "Create campaign" }).click();
  await expect(create.getByRole("status")).toContainText("Name: Enter the campaign’s name.");
  await expectNoVietnameseInterface(page);
  await screenshot(page, testInfo, "admin-campaigns-en");

  // the demo's current campaign, on Đà Nẵng's 94 communes (lib/db/seed/demo-present.ts)
  await page.locator('tbody tr[data-campaign="cao-diem-cuoi-nam"] a').click();
  await expect(page.getByRole("link", { name: "← Campaigns" })).toBeVisible();
  // a milestone of its own for each project, on a metric and dates no other test reads
  const due = testInfo.project.name === "desktop" ? "2027-02-15" : "2027-02-16";
  const dueShown = due.split("-").reverse().join("/");
  await page.locator("form[method=get]").getByLabel("Metric").selectOption("cccd");
  await expect(page.locator("form[method=get]").getByLabel("Metric").locator("option:checked")).toHaveText("Chip-ID card applications");
  await page.getByLabel("Milestone date").fill(due);
  await page.getByLabel("Parent unit code").fill("48");
  await page.getByRole("button", { name: "Open grid" }).click();
  const grid = page.getByRole("table", { name: "Targets for Chip-ID card applications of Thành phố Đà Nẵng and its subordinate units" });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole("rowheader", { name: "Thành phố Đà Nẵng (parent)" })).toBeVisible();
  await grid.getByLabel("Target for Thành phố Đà Nẵng", { exact: true }).fill("25000");
  await grid.getByLabel("Target for Phường Hội An", { exact: true }).fill("1200");
  await grid.getByLabel("Target for Phường Hải Vân", { exact: true }).fill("2300");
  await expect(page.getByTestId("children-sum")).toHaveText("3,500");
  await expect(page.getByTestId("sum-warning")).toContainText("Warning: the subordinate units’ targets add up to 3,500, 21,500 less than the target of Thành phố Đà Nẵng (25,000); units without a target (92):");
  await page.getByRole("button", { name: "Save targets" }).click();
  await expect(page.getByText("3 targets saved.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Subordinate targets that do not add up to the parent’s \(\d+\)$/ })).toBeVisible();
  await expect(page.getByTestId("campaign-warnings").locator("li", { hasText: `milestone ${dueShown}` }))
    .toHaveText(`Thành phố Đà Nẵng · Chip-ID card applications · milestone ${dueShown}: subordinate units 3,500, parent 25,000 · 92 units without a target`);
  await expectNoVietnameseInterface(page);
  await screenshot(page, testInfo, "admin-targets-en");
});

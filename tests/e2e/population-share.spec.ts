// Issue 22 in the browser: an administrator imports the eligible population of Đà Nẵng's 94
// communes, then sets "activated: 55,5% of the eligible population by 31/12/2026" on the city in
// a campaign of their own; the city's and every commune's targets are counts that add up, and
// the city's ranking shows each commune's share of its eligible population.
import { expect, test } from "@playwright/test";
import { formatNumber } from "@/lib/domain/format";
import { screenshot, signIn } from "./helpers";

/** A commune's eligible population: communes differ several-fold, none is round. */
const populationOf = (i: number) => 3_000 + ((i * 7_919) % 21_001);

test("an administrator imports populations and sets a milestone as a share of them: counts that add up", async ({ page }, testInfo) => {
  await signIn(page, "admin");
  const answer = await page.request.get("/api/v1/units?parent=48");
  expect(answer.status()).toBe(200);
  const communes = ((await answer.json()) as { code: string }[]).map((u) => u.code);
  expect(communes).toHaveLength(94);

  // a campaign of this run's own (the projects share one database)
  const code = `dan-so-${testInfo.project.name}-${Date.now().toString(36)}`;
  await page.goto("/admin/campaigns");
  const create = page.locator("section", { has: page.getByRole("heading", { name: "Tạo đợt" }) });
  await create.getByLabel("Mã đợt (chữ thường, số, gạch ngang)").fill(code);
  await create.getByLabel("Tên").fill("Kích hoạt theo dân số");
  await create.getByLabel("Bắt đầu").fill("01/10/2026");
  await create.getByLabel("Kết thúc").fill("31/12/2026");
  await create.getByRole("button", { name: "Tạo đợt" }).click();
  await expect(create.getByRole("status")).toContainText("Đã tạo đợt Kích hoạt theo dân số.");

  const csv = ["unit_code,as_of,eligible", ...communes.map((c, i) => `${c},2026-01-01,${populationOf(i)}`)].join("\n");
  const populations = page.locator("section", { has: page.getByRole("heading", { name: "Dân số đủ điều kiện" }) });
  await populations.getByLabel("Tệp dân số").setInputFiles({ name: "dan-so.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await populations.getByLabel("Chỉ kiểm tra, chưa ghi").uncheck();
  await populations.getByRole("button", { name: "Nhập tệp" }).click();
  await expect(populations.getByRole("status")).toContainText("Đã nhập 94 dòng dân số.");

  await page.goto(`/admin/campaigns/${code}?metric=activated&dueDate=2026-12-31&parent=48`);
  const shares = page.locator("section", { has: page.getByRole("heading", { name: "Chỉ tiêu theo tỷ lệ dân số đủ điều kiện" }) });
  await expect(shares).toContainText("Chưa có mốc nào đặt theo tỷ lệ dân số.");
  await shares.getByLabel("Tỷ lệ (%)").fill("55,5");
  await shares.getByRole("button", { name: "Đặt chỉ tiêu theo tỷ lệ" }).click();
  // the city and its 94 communes
  await expect(shares.getByRole("status")).toContainText("Đã đặt 55,50% dân số đủ điều kiện cho 48: 95 chỉ tiêu thay đổi.");

  const total = communes.reduce((s, _, i) => s + populationOf(i), 0);
  const cityTarget = Math.round((total * 555) / 1000);
  await page.reload();
  const row = page.getByTestId("target-shares").locator("tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Thành phố Đà Nẵng");
  await expect(row).toContainText("31/12/2026");
  await expect(row).toContainText("55,50%");
  await expect(row).toContainText(formatNumber(total));
  await expect(row).toContainText(formatNumber(cityTarget));
  // the communes' targets add up to the city's: no warning
  await expect(page.getByRole("heading", { name: "Tổng chỉ tiêu cấp dưới lệch cấp trên (0)" })).toBeVisible();
  // the target grid shows each unit's eligible population beside its target, and the share the target is
  const grid = page.locator("form", { has: page.getByTestId("children-sum") });
  await expect(grid.getByRole("columnheader", { name: "Dân số đủ điều kiện" })).toBeVisible();
  await expect(grid.locator('tr[data-unit="48"]')).toContainText(formatNumber(total));
  await expect(grid.getByTestId("population-share-48")).toHaveText("55,50%");
  await screenshot(page, testInfo, "population-share");

  // the city's ranking gains the share of the eligible population beside the share of target (a wide screen's column)
  await page.goto("/units/48/rankings");
  if (testInfo.project.name === "desktop") {
    await expect(page.getByRole("columnheader", { name: /% dân số/ })).toBeVisible();
    await expect(page.getByTestId("ranking-table").locator("tbody tr").first().getByTestId("population-percent")).toHaveText(/^\d{1,3}(\.\d{3})*,\d{2}%$/);
    await screenshot(page, testInfo, "population-share-rankings");
  }
  // and the city's overview says how much of its eligible population each figure is
  await page.goto("/units/48");
  await expect(page.locator('[data-metric="activated"]').getByTestId("kpi-population")).toHaveText(/^\d{1,3},\d{2}% dân số đủ điều kiện$/);
  await page.goto(`/admin/campaigns/${code}?metric=activated&dueDate=2026-12-31&parent=48`);

  // a share that is not one is refused, and nothing changes
  await shares.getByLabel("Tỷ lệ (%)").fill("120");
  await shares.getByRole("button", { name: "Đặt chỉ tiêu theo tỷ lệ" }).click();
  await expect(shares.getByRole("status")).toContainText("Tỷ lệ (%): Tỷ lệ phải lớn hơn 0% và không quá 100%");
  await page.reload();
  await expect(page.getByTestId("target-shares").locator("tbody tr")).toContainText("55,50%");
});

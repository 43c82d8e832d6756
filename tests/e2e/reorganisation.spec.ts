// The reorganisation page (issue 20, docs/units-over-time.md): the demo has loaded the 2025
// reorganisation for Thành phố Đà Nẵng alone; an administrator checks the whole country's files
// against it (a dry run: nothing is written, so the other specs keep the demo as it is), sees
// the city left as it is and the 33 other provinces start, and sees a bad line refused by file
// and line.
import path from "node:path";
import { expect, test, type TestInfo, type Page } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

const DATA = path.join(process.cwd(), "prisma", "data");

/** The desktop project is 1280 px wide; the issue's screens are 1366 × 768. */
async function useIssueViewport(page: Page, testInfo: TestInfo) {
  if (testInfo.project.name === "desktop") await page.setViewportSize({ width: 1366, height: 768 });
}

test("an administrator checks the 2025 reorganisation (dry run) and sees a bad line named", async ({ page }, testInfo) => {
  await useIssueViewport(page, testInfo);
  await signIn(page, "admin");
  await page.goto("/admin/units/reorganisation");
  await expect(page.getByRole("heading", { level: 1, name: "Sắp xếp đơn vị hành chính" })).toBeVisible();
  const loaded = page.getByRole("table", { name: "Các lần sắp xếp, mới nhất trước" }).locator("tbody tr");
  // the demo's: Quảng Nam's 260 units end, Đà Nẵng and its 94 communes start
  await expect(loaded).toHaveCount(1);
  await expect(loaded.first()).toContainText("01/07/2025");

  await page.getByLabel("Tệp đơn vị mới (CSV)").setInputFiles(path.join(DATA, "admin-units-vn-2025-07.csv"));
  await page.getByLabel("Tệp chuyển đổi (CSV)").setInputFiles(path.join(DATA, "unit-changes-vn-2025-07.csv"));
  await expect(page.getByLabel("Chỉ kiểm tra, không ghi")).toBeChecked();
  await page.getByRole("button", { name: "Nạp", exact: true }).click();
  // the 33 other provinces and their 3,227 communes start; nothing of Quảng Nam ends again
  await expect(page.getByText(/^Tệp hợp lệ, chưa ghi gì\. Đơn vị kết thúc: 0; bắt đầu: 3\.260; tiếp tục: 0\./)).toBeVisible({ timeout: 60_000 });
  // the preview: what starts, and the city an earlier load started on the same date, left as it is
  const preview = page.getByTestId("form-details");
  await expect(preview.getByText(/^Đã nạp từ trước cùng ngày, giữ nguyên/)).toBeVisible();
  await expect(preview.getByText("48 Thành phố Đà Nẵng", { exact: true })).toBeVisible();
  await expect(preview.getByText(/^01 Thành phố Hà Nội \(mới\): 126 đơn vị trực thuộc/)).toBeVisible();
  await screenshot(page, testInfo, "reorganisation-checked");

  await page.getByLabel("Tệp đơn vị mới (CSV)").setInputFiles({
    name: "units.csv", mimeType: "text/csv", buffer: Buffer.from("code,name,type,parent_code,level\n48,Thành phố Đà Nẵng,Thành phố,,1\n20194,Phường Hải Vân,Phường,77,2\n"),
  });
  // the form was reset after the last answer: the mapping is chosen again
  await page.getByLabel("Tệp chuyển đổi (CSV)").setInputFiles(path.join(DATA, "unit-changes-vn-2025-07.csv"));
  await page.getByRole("button", { name: "Nạp", exact: true }).click();
  await expect(page.getByText("Tệp đơn vị, dòng 3: Không có đơn vị cấp trên 77 trong danh sách đơn vị mới.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/^Từ chối sắp xếp: [\d.]+ lỗi; không ghi gì\./)).toBeVisible();
  await screenshot(page, testInfo, "reorganisation-refused");
  // nothing was written
  await page.reload();
  await expect(loaded).toHaveCount(1);
});

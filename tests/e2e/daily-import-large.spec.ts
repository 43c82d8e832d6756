import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { addDays, todayInVietnam } from "@/lib/domain/dates";
import { screenshot, signIn } from "./helpers";

// A province's file at the size users have, through the web page: upload, preview, progress, write.
test("an administrator previews and writes a file of over 50,000 rows, following its progress", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await signIn(page, "admin");
  // the official list the demo's province comes from (no field of it is quoted)
  const units = readFileSync(path.join(process.cwd(), "prisma", "data", "admin-units-vn-2023-04.csv"), "utf8").trim().split("\n").slice(1)
    .map((line) => line.split(",")).map(([code, , , parentCode]) => ({ code, parent_code: parentCode }));
  const districts = new Set(units.filter((u) => u.parent_code === "49").map((u) => u.code));
  const communes = units.filter((u) => districts.has(u.parent_code));
  expect(communes.length).toBe(241);
  // Years before the demo's figures, a range of its own for each project (they share one
  // database), and zeros: the import adds reports on those days and changes no running total
  // the other tests see.
  const last = addDays(todayInVietnam(), -(testInfo.project.name === "desktop" ? 3000 : 3300));
  const days = Array.from({ length: 210 }, (_, i) => addDays(last, -i));
  const lines = days.flatMap((day) => communes.map((c) => `${day},${c.code},cccd,0`));
  expect(lines.length).toBeGreaterThanOrEqual(50_000);
  await page.goto("/import");
  await page.getByLabel("Tệp CSV (UTF-8) hoặc Excel (.xlsx)").setInputFiles({
    name: "tinh-49.csv", mimeType: "text/csv", buffer: Buffer.from(["date,unit_code,metric,value", ...lines].join("\n")),
  });
  const status = page.getByRole("status");
  // the page asks for the import's progress while it runs, and the server answers with its phase
  const progressed = () => page.waitForResponse(async (r) => r.url().includes("/api/import-progress") && r.ok() && (await r.json() as { phase: string | null }).phase !== null, { timeout: 240_000 });

  let seen = progressed();
  await page.getByRole("button", { name: "Kiểm tra trước" }).click();
  await seen;
  await expect(status).toContainText(/50\.610 dòng hợp lệ\. Chưa ghi gì|50610 dòng hợp lệ\. Chưa ghi gì/, { timeout: 240_000 });

  seen = progressed();
  await page.getByRole("button", { name: "Ghi dữ liệu" }).click();
  await seen;
  await expect(page.getByRole("progressbar").first()).toBeVisible();
  await screenshot(page, testInfo, "import-large-progress");
  await expect(status).toContainText(/Đã ghi 50\.?610 dòng/, { timeout: 240_000 });
  await screenshot(page, testInfo, "import-large-done");
});

import { expect, test } from "@playwright/test";
import { addDays } from "@/lib/domain/dates";
import { QUANG_NAM_DAY, screenshot, signIn } from "./helpers";

test("a district officer previews a CSV with every error listed, then writes a valid one", async ({ page }, testInfo) => {
  await signIn(page, "nuithanh");
  const template = await page.request.get("/import/template");
  expect(template.status()).toBe(200);
  const body = await template.text();
  expect(body).toContain("date,unit_code,metric,value,kind,reason");
  expect(body).toContain(`${QUANG_NAM_DAY},21001,activated,,daily,`);
  expect(body).not.toContain(",20728,");

  // Its own days before the demo's (Quảng Nam's, which end on its accounts' home day), different for each project (they share one database).
  const day = addDays(QUANG_NAM_DAY, -(testInfo.project.name === "desktop" ? 125 : 145));
  await page.goto("/import");
  const upload = (name: string, rows: string[]) =>
    page.getByLabel("Tệp CSV (UTF-8) hoặc Excel (.xlsx)").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(["date,unit_code,metric,value", ...rows].join("\n")) });

  // Dossiers and CCCD: raising an early day's dossiers can never break the funnel later on.
  await upload("sai.csv", [`${day},21001,dossiers,2`, `${day},20728,dossiers,2`, `${day},21004,dossiers,-1`]);
  await page.getByRole("button", { name: "Kiểm tra trước" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("2 lỗi; không dòng nào được ghi.");
  await expect(status).toContainText("Dòng 3: Đơn vị 20728 nằm ngoài phạm vi của bạn.");
  await expect(status).toContainText("Dòng 4: value: Phải là số nguyên không âm.");
  await expect(page.getByRole("button", { name: "Ghi dữ liệu" })).toBeDisabled();
  await screenshot(page, testInfo, "import-errors");

  await upload("dung.csv", [`${day},21001,dossiers,2`, `${day},21004,cccd,3`]);
  await page.getByRole("button", { name: "Kiểm tra trước" }).click();
  await expect(status).toContainText("2 dòng hợp lệ. Chưa ghi gì");
  await page.getByRole("button", { name: "Ghi dữ liệu" }).click();
  await expect(status).toContainText("Đã ghi 2 dòng (2 số thay đổi).");
});

test("in English: the import page, its checks and the template's file name are in English", async ({ page, context, baseURL }, testInfo) => {
  await signIn(page, "nuithanh");
  await context.addCookies([{ name: "vneid-locale", value: "en", url: baseURL! }]);
  const template = await page.request.get("/import/template");
  expect(template.headers()["content-disposition"]).toContain(`daily-figures-template-${QUANG_NAM_DAY}.csv`);
  expect(await template.text()).toContain("date,unit_code,metric,value,kind,reason");

  const day = addDays(QUANG_NAM_DAY, -(testInfo.project.name === "desktop" ? 126 : 146));
  await page.goto("/import");
  await expect(page).toHaveTitle(/Import from file/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import daily figures from a CSV or Excel file");
  await expect(page.getByRole("main")).toContainText("(kind: daily or cumulative). The whole file is checked first");
  await page.getByLabel("CSV file (UTF-8) or Excel (.xlsx)").setInputFiles({
    name: "wrong.csv", mimeType: "text/csv",
    buffer: Buffer.from(["date,unit_code,metric,value", `${day},21001,dossiers,1200`, `${day},20728,dossiers,2`, `${day},21004,dossiers,-1`].join("\n")),
  });
  await page.getByRole("button", { name: "Check first" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("Errors: 2; no rows were written.");
  await expect(status).toContainText("Line 3: Unit 20728 is outside your scope.");
  await expect(status).toContainText("Line 4: value: Must be a whole number, zero or more.");
  await expect(page.getByRole("button", { name: "Write data" })).toBeDisabled();
  for (const word of ["Nhập", "Tệp", "Dòng", "lỗi", "Kiểm tra", "Ghi dữ liệu", "Tổng quan"]) await expect(page.getByRole("main")).not.toContainText(word);
  await screenshot(page, testInfo, "import-en");
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueReportSchema, weeklyReportDownloadSchema } from "@/lib/validation/report-params";
import { searchParamsObject } from "@/lib/validation/search-params";

const errors = (input: Record<string, string | undefined>) => {
  const parsed = weeklyReportDownloadSchema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe("weekly report parameters", () => {
  it("accepts a unit, an ISO week, a format and an issued report number", () => {
    expect(weeklyReportDownloadSchema.parse({ unit: "49", week: "2023-W23", format: "pdf", issued: "7" })).toEqual({ unit: "49", week: "2023-W23", format: "pdf", issued: 7 });
    expect(weeklyReportDownloadSchema.parse({ format: "csv" })).toEqual({ format: "csv" });
  });

  it.each([
    { input: { format: "odt" }, field: "format", message: "Định dạng phải là xlsx, pdf, docx hoặc csv." },
    { input: { format: "pdf", week: "2023-W53" }, field: "week", message: "Tuần phải có dạng YYYY-Www, ví dụ 2023-W23." },
    { input: { format: "pdf", week: "2023-06-05" }, field: "week", message: "Tuần phải có dạng YYYY-Www, ví dụ 2023-W23." },
    { input: { format: "pdf", unit: "49; drop" }, field: "unit", message: "Mã đơn vị không hợp lệ." },
    { input: { format: "pdf", issued: "abc" }, field: "issued", message: "Số báo cáo không hợp lệ." },
    { input: { format: "pdf", issued: "-1" }, field: "issued", message: "Số báo cáo không hợp lệ." },
    { input: { format: "pdf", issued: "1.5" }, field: "issued", message: "Số báo cáo không hợp lệ." },
  ])("refuses $input in Vietnamese", ({ input, field, message }) => {
    expect(errors(input)).toEqual({ [field]: [message] });
  });

  it("the issue form needs a week; the lock box is on or absent", () => {
    expect(issueReportSchema.safeParse({ unit: "49" }).success).toBe(false);
    expect(issueReportSchema.parse({ unit: "49", week: "2023-W23", lockDays: "on" })).toEqual({ unit: "49", week: "2023-W23", lockDays: "on" });
  });

  it("keeps the first of repeated parameters and drops empty ones", () => {
    expect(searchParamsObject(new URLSearchParams("unit=49&unit=50&week=&format=pdf"))).toEqual({ unit: "49", format: "pdf" });
    expect(searchParamsObject({ unit: ["49", "50"], week: "", format: "pdf" })).toEqual({ unit: "49", format: "pdf" });
    // the API reads a URL the same way: one reading of query strings everywhere
    expect(searchParamsObject(new URL("http://x/api/v1/progress?unit=49&unit=50&asOf=&metric=accounts"))).toEqual({ unit: "49", metric: "accounts" });
  });
});

// Limits, each with a clear message: request body size of the API, import file size and
// encoding, and the number of import errors sent to the page.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/daily/route";
import { importDailyAction } from "@/app/import/actions";
import { API_BODY_LIMIT_BYTES } from "@/lib/validation/json-body";
import { IMPORT_MAX_BYTES } from "@/lib/validation/import-file";
import { signInAs } from "./hostile/signed-in";
import { buildWorld, DISTRICT_USER, districtToken } from "./hostile/world";
import { resetDatabase, testDb } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// POST /api/v1/daily and the import action answer in the request's language: its cookie (none here), else the
// session's; outside a request Next's own cookies() throws.
vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);
// The session module is the product's own: only next-auth's reading of the cookie is replaced (hostile/signed-in.ts).
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => (await import("./hostile/signed-in")).currentSession() }));

const upload = (bytes: Uint8Array | string, name = "so-lieu.csv") => {
  const form = new FormData();
  form.set("file", new File([typeof bytes === "string" ? bytes : Buffer.from(bytes)], name));
  form.set("dryRun", "1");
  return importDailyAction(form);
};

describe("limits", () => {
  beforeAll(async () => {
    await buildWorld(await resetDatabase());
    await signInAs(DISTRICT_USER());
  });

  it("refuses an API body above the limit with 413 and a message, declared or not", async () => {
    const huge = JSON.stringify({ rows: [{ date: "2023-06-01", unitCode: "90101", metric: "accounts", value: 1, reason: "x".repeat(API_BODY_LIMIT_BYTES) }] });
    const headers = { authorization: `Bearer ${districtToken()}`, "content-type": "application/json" };
    const declared = await POST(new Request("http://test/api/v1/daily", { method: "POST", headers: { ...headers, "content-length": String(huge.length) }, body: huge }));
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: string } }).error.message).toMatch(/quá lớn \(tối đa 2 MB\)/);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode(huge.slice(0, API_BODY_LIMIT_BYTES / 2 + 1)));
        controller.close();
      },
    });
    const streamed = await POST(new Request("http://test/api/v1/daily", { method: "POST", headers, body: chunks, duplex: "half" } as RequestInit));
    expect(streamed.status).toBe(413);
    expect(await testDb().figure.count()).toBe(0);
  });

  it("refuses an import file above 20 MB and a CSV that is not UTF-8, saying what to do", async () => {
    const big = await upload(new Uint8Array(IMPORT_MAX_BYTES + 1));
    expect(big).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringMatching(/quá lớn \(tối đa 20 MB\)/)] } });
    const latin1 = await upload(Buffer.from("date,unit_code,metric,value\n2023-06-01,90101,accounts,5\nNúi Thành", "latin1"));
    expect(latin1).toMatchObject({ ok: false, message: expect.stringMatching(/không phải mã UTF-8.*CSV UTF-8/) });
  });

  it("refuses an Excel file over the reader's limits with the limit's own message", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Số liệu");
    sheet.addRow(["date", "unit_code", "metric", "value"]).getCell(16_384).value = "ghi chú"; // column XFD
    sheet.addRow(["2023-06-01", "90101", "accounts", 5]);
    const answer = await upload(new Uint8Array(await book.xlsx.writeBuffer()), "so-lieu.xlsx");
    expect(answer).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringMatching(/kéo dài tới cột thứ 16\.384 \(tối đa 100 cột\)/)] } });
    expect(await testDb().figure.count()).toBe(0);
  });

  it("sends the page the first 200 errors of a file and how many more there are", async () => {
    const lines = Array.from({ length: 350 }, () => "2023-06-01,90101,accounts,-1");
    const answer = await upload(["date,unit_code,metric,value", ...lines].join("\n"));
    expect(answer.ok).toBe(true);
    if (!answer.ok || !("result" in answer)) throw new Error("the machine layout was not read");
    expect(answer.result.ok).toBe(false);
    expect(answer.result.errors).toHaveLength(200);
    expect(answer.errorsNotShown).toBe(150);
    expect(answer.result.errors[0]).toMatchObject({ line: 2 });
  });
});

// Messages made below the page follow the language of the request being served.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-messages";
import { currentLocale, m, withLocale } from "@/lib/i18n/message";
import { rankingsParamsSchema } from "@/lib/validation/api-params";
import "@/lib/validation/locale";

describe("request language of messages (lib/i18n/message)", () => {
  it("is Vietnamese outside a request, and the request's language inside withLocale", async () => {
    expect(currentLocale()).toBe("vi");
    expect(errorMessage("FORBIDDEN")).toBe("Bạn không có quyền thực hiện thao tác này.");
    const inEnglish = await withLocale("en", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // survives an await
      return [currentLocale(), errorMessage("FORBIDDEN"), m("errors.api.serverWithId", { requestId: "abc12345" })];
    });
    expect(inEnglish).toEqual(["en", "You are not allowed to do this.", "Server error. Please try again (request id abc12345)."]);
    expect(currentLocale()).toBe("vi");
  });

  it("keeps two concurrent requests' languages apart", async () => {
    const slow = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const [vi, en] = await Promise.all([
      withLocale("vi", async () => { await slow(5); return m("errors.api.notFound.unit"); }),
      withLocale("en", async () => { await slow(1); return m("errors.api.notFound.unit"); }),
    ]);
    expect([vi, en]).toEqual(["Không tìm thấy đơn vị.", "Unit not found."]);
  });

  it("words a schema's own messages and zod's defaults at parse time, in the request's language", () => {
    const fieldErrors = (result: z.ZodSafeParseResult<unknown>): Record<string, string[] | undefined> => (result.success ? {} : z.flattenError(result.error).fieldErrors);
    const bad = { parent: "x y", level: "1.5" };
    expect(fieldErrors(rankingsParamsSchema.safeParse(bad))).toEqual({ parent: ["Mã đơn vị không hợp lệ."], level: ["Cấp phải là số nguyên."] });
    expect(withLocale("en", () => fieldErrors(rankingsParamsSchema.safeParse(bad)))).toEqual({ parent: ["Invalid unit code."], level: ["The level must be a whole number."] });
    const plain = z.object({ n: z.number() });
    const [vi] = fieldErrors(plain.safeParse({ n: "x" })).n ?? [];
    const [en] = withLocale("en", () => fieldErrors(plain.safeParse({ n: "x" })).n) ?? [];
    expect(vi).toMatch(/Đầu vào không hợp lệ|không hợp lệ/);
    expect(en).toMatch(/Invalid input/);
  });
});

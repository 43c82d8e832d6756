// One pattern for unit codes (lib/domain/unit-codes.ts): every place that reads a unit code —
// the API's parameters, the weekly report's, the import's rows, the users' form — accepts and
// refuses the same values (six patterns had drifted: letters accepted by some, up to 32
// characters by others).
import { describe, expect, it } from "vitest";
import { isUnitCode } from "@/lib/domain/unit-codes";
import { userUpdateSchema } from "@/lib/validation/accounts";
import { progressParamsSchema } from "@/lib/validation/api-params";
import { unitCodeSchema } from "@/lib/validation/import-rows";
import { weeklyReportParamsSchema } from "@/lib/validation/report-params";

const readers: Record<string, (code: string) => boolean> = {
  isUnitCode: (code) => isUnitCode(code),
  "API parameters": (code) => progressParamsSchema.safeParse({ unit: code }).success,
  "weekly report parameters": (code) => weeklyReportParamsSchema.safeParse({ unit: code }).success,
  "import rows": (code) => unitCodeSchema.safeParse(code).success,
  "users' form": (code) => userUpdateSchema.safeParse({ userId: "1", displayName: "Cán bộ", role: "commune", unitCode: code }).success,
};

describe("unit codes", () => {
  it.each(["49", "517", "20965", "0000000001"])("%s is a unit code everywhere", (code) => {
    for (const [name, accepts] of Object.entries(readers)) expect(accepts(code), name).toBe(true);
  });

  it.each(["abc", "49a", "-1", "49-1", "12345678901", "4 9", "４９"])("%s is no unit code anywhere", (code) => {
    for (const [name, accepts] of Object.entries(readers)) expect(accepts(code), name).toBe(false);
  });
});

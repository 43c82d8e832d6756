// An account whose own unit ended in a reorganisation (two-trees fixture: old commune 90102,
// ended 01/07/2025 into the new ward 90101) posts figures through the one daily engine (the
// API and the CSV import): for a day after the end, a code that now names another unit is
// refused with why (its unit ended, on which day) and what to do, not "outside your scope";
// its own unit's days before the end are still its own.
import { beforeAll, describe, expect, it } from "vitest";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { resetDatabase } from "./helpers";
import { twoTrees } from "./two-trees";
import { addUser } from "../support/users";
import type { Actor } from "@/lib/auth/permissions";

describe("figures posted by an account on an ended unit", () => {
  let officer: Actor;
  const NOW = { now: new Date("2025-07-10T03:00:00Z") };
  const row = (ref: number, unitCode: string, date: string) => ({ ref, date, unitCode, metric: "activated", value: 4, kind: "daily" as const });

  beforeAll(async () => {
    const db = await resetDatabase();
    await twoTrees(db);
    officer = await addUser(db, "xa-hai-cu", "commune", "90102");
  });

  it("is told its unit ended, and to ask for a move, for a reused code after the end", async () => {
    const result = await saveDailyFigures(officer, [row(0, "90101", "2025-07-05")], NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message)).toEqual([
      "Không nhập được cho đơn vị 90101: đơn vị của tài khoản, Xã Hai Cũ (90102), đã kết thúc ngày 30/06/2025, nên tài khoản chỉ còn xem được số liệu cũ. Đề nghị quản trị viên chuyển tài khoản sang đơn vị kế tiếp.",
    ]);
  });

  it("is still told 'outside your scope' for another unit before its end, and 'dissolved' for its own after", async () => {
    const result = await saveDailyFigures(officer, [row(0, "90103", "2025-06-20"), row(1, "90102", "2025-07-05")], NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message)).toEqual(["Đơn vị 90103 nằm ngoài phạm vi của bạn.", "Đơn vị 90102 đã giải thể từ ngày 01/07/2025."]);
  });

  it("enters its own unit's days before the end", async () => {
    expect((await saveDailyFigures(officer, [row(0, "90102", "2025-06-20")], NOW)).ok).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/auth/permissions";
import { canIssueReport } from "@/lib/auth/report-permissions";

const actor = (role: Role, unitPath: string | null): Actor => ({ id: 1, username: role, role, unitPath });

describe("canIssueReport", () => {
  it.each([
    { who: actor("leader", "49/"), unit: "49/", ok: true },
    { who: actor("leader", "49/"), unit: "49/517/", ok: true },
    { who: actor("leader", "49/"), unit: "48/", ok: false },
    { who: actor("leader", "49/"), unit: null, ok: false, note: "national needs the whole country" },
    { who: actor("admin", null), unit: null, ok: true },
    { who: actor("admin", null), unit: "49/", ok: true },
    { who: actor("province", "49/"), unit: "49/", ok: false },
    { who: actor("district", "49/517/"), unit: "49/517/", ok: false },
    { who: actor("commune", "49/517/21001/"), unit: "49/517/", ok: false },
    { who: actor("leader", null), unit: "49/", ok: false, note: "a leader without a unit sees nothing" },
  ])("$who.role at $who.unitPath on $unit → $ok", ({ who, unit, ok }) => {
    expect(canIssueReport(who, unit)).toBe(ok);
  });
});

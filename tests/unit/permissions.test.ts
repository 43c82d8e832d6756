import { describe, expect, it } from "vitest";
import { canAdminister, canEditFigures, canViewUnit, parentPath, type Actor, type Role } from "@/lib/auth/permissions";

const actor = (role: Role, unitPath: string | null): Actor => ({ id: 1, username: role, role, unitPath });
const COMMUNE = "49/517/21001/";
const OTHER_COMMUNE_SAME_DISTRICT = "49/517/20965/";
const OTHER_DISTRICT_COMMUNE = "49/502/20290/";

describe("who may see and change what", () => {
  it.each([
    { role: "admin" as Role, scope: null, view: [true, true, true], edit: [true, true, true] },
    { role: "province" as Role, scope: "49/", view: [true, true, true], edit: [false, false, false] },
    { role: "leader" as Role, scope: "49/", view: [true, true, true], edit: [false, false, false] },
    { role: "district" as Role, scope: "49/517/", view: [true, true, false], edit: [true, true, false] },
    { role: "commune" as Role, scope: COMMUNE, view: [true, true, false], edit: [true, false, false] },
  ])("$role", ({ role, scope, view, edit }) => {
    const a = actor(role, scope);
    const units = [COMMUNE, OTHER_COMMUNE_SAME_DISTRICT, OTHER_DISTRICT_COMMUNE];
    expect(units.map((u) => canViewUnit(a, u))).toEqual(view);
    expect(units.map((u) => canEditFigures(a, u))).toEqual(edit);
    expect(canAdminister(a)).toBe(role === "admin");
  });

  it("a user without a unit sees nothing unless administrator", () => {
    expect(canViewUnit(actor("province", null), "49/")).toBe(false);
  });

  it("parentPath", () => {
    expect(parentPath("49/517/21001/")).toBe("49/517/");
    expect(parentPath("49/")).toBe("49/");
  });
});

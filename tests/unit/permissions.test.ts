import { describe, expect, it } from "vitest";
import { canAdminister, canEditFigures, canViewUnit, parentPath, readPrefixes, viewScope, type Actor, type Role } from "@/lib/auth/permissions";

const actor = (role: Role, unitPath: string | null, id: number | null = 1): Actor => ({ id, username: role, role, unitPath });

const PROVINCE = "49/";
const DISTRICT = "49/517/";
const COMMUNE = "49/517/21001/";
const SAME_DISTRICT_COMMUNE = "49/517/20965/";
const OTHER_DISTRICT = "49/502/";
const OTHER_DISTRICT_COMMUNE = "49/502/20290/";
const PREFIX_LOOKALIKE = "49/5170/20001/"; // "49/517" is a string prefix of it, but not an ancestor
const OTHER_PROVINCE = "48/490/20194/";

const UNITS = [PROVINCE, DISTRICT, COMMUNE, SAME_DISTRICT_COMMUNE, OTHER_DISTRICT, OTHER_DISTRICT_COMMUNE, PREFIX_LOOKALIKE, OTHER_PROVINCE];

describe("viewScope", () => {
  it.each<{ role: Role; unitPath: string | null; scope: string | null }>([
    { role: "admin", unitPath: null, scope: "" },
    { role: "admin", unitPath: DISTRICT, scope: "" },
    { role: "province", unitPath: PROVINCE, scope: PROVINCE },
    { role: "leader", unitPath: PROVINCE, scope: PROVINCE },
    { role: "district", unitPath: DISTRICT, scope: DISTRICT },
    { role: "commune", unitPath: COMMUNE, scope: DISTRICT },
    { role: "province", unitPath: null, scope: null },
    { role: "leader", unitPath: null, scope: null },
    { role: "district", unitPath: null, scope: null },
    { role: "commune", unitPath: null, scope: null },
    { role: "province", unitPath: "", scope: null },
  ])("$role at $unitPath sees $scope", ({ role, unitPath, scope }) => {
    expect(viewScope(actor(role, unitPath))).toBe(scope);
  });
});

describe("canViewUnit / canEditFigures / canAdminister per role", () => {
  //          PROVINCE DISTRICT COMMUNE SAME_D  OTHER_D OTHER_DC LOOKALIKE OTHER_P
  it.each<{ role: Role; unitPath: string | null; view: boolean[]; edit: boolean[] }>([
    {
      role: "admin", unitPath: null,
      view: [true, true, true, true, true, true, true, true],
      edit: [true, true, true, true, true, true, true, true],
    },
    {
      role: "province", unitPath: PROVINCE,
      view: [true, true, true, true, true, true, true, false],
      edit: [false, false, false, false, false, false, false, false],
    },
    {
      role: "leader", unitPath: PROVINCE,
      view: [true, true, true, true, true, true, true, false],
      edit: [false, false, false, false, false, false, false, false],
    },
    {
      role: "district", unitPath: DISTRICT,
      view: [false, true, true, true, false, false, false, false],
      edit: [false, true, true, true, false, false, false, false],
    },
    {
      role: "commune", unitPath: COMMUNE, // its commune and its district, not the sibling commune
      view: [false, true, true, false, false, false, false, false],
      edit: [false, false, true, false, false, false, false, false],
    },
    {
      role: "province", unitPath: null,
      view: [false, false, false, false, false, false, false, false],
      edit: [false, false, false, false, false, false, false, false],
    },
    {
      role: "district", unitPath: null,
      view: [false, false, false, false, false, false, false, false],
      edit: [false, false, false, false, false, false, false, false],
    },
    {
      role: "commune", unitPath: null,
      view: [false, false, false, false, false, false, false, false],
      edit: [false, false, false, false, false, false, false, false],
    },
  ])("$role at $unitPath", ({ role, unitPath, view, edit }) => {
    const a = actor(role, unitPath);
    expect(UNITS.map((u) => canViewUnit(a, u))).toEqual(view);
    expect(UNITS.map((u) => canEditFigures(a, u))).toEqual(edit);
  });

  it.each<{ role: Role; unitPath: string | null; expected: boolean }>([
    { role: "admin", unitPath: null, expected: true },
    { role: "admin", unitPath: PROVINCE, expected: true },
    { role: "province", unitPath: PROVINCE, expected: false },
    { role: "leader", unitPath: PROVINCE, expected: false },
    { role: "district", unitPath: DISTRICT, expected: false },
    { role: "commune", unitPath: COMMUNE, expected: false },
  ])("canAdminister($role) = $expected", ({ role, unitPath, expected }) => {
    expect(canAdminister(actor(role, unitPath))).toBe(expected);
  });

  it("the command-line operator (id null) acting as admin may do everything", () => {
    const operator = actor("admin", null, null);
    expect(viewScope(operator)).toBe("");
    expect(canViewUnit(operator, OTHER_PROVINCE)).toBe(true);
    expect(canEditFigures(operator, OTHER_PROVINCE)).toBe(true);
    expect(canAdminister(operator)).toBe(true);
  });

  it.each<{ role: Role; unitPath: string }>([
    { role: "province", unitPath: PROVINCE },
    { role: "leader", unitPath: PROVINCE },
  ])("$role may view but never edit figures, even of its own unit", ({ role, unitPath }) => {
    const a = actor(role, unitPath);
    expect(canViewUnit(a, COMMUNE)).toBe(true);
    expect(canEditFigures(a, unitPath)).toBe(false);
    expect(canEditFigures(a, COMMUNE)).toBe(false);
  });

  // Before: any commune of the district, as if the officer were the district's.
  it("a commune officer opens their commune and their district (its rankings), not the other communes, and edits only its own", () => {
    const a = actor("commune", COMMUNE);
    expect(canViewUnit(a, COMMUNE)).toBe(true);
    expect(canViewUnit(a, DISTRICT)).toBe(true);
    expect(canViewUnit(a, SAME_DISTRICT_COMMUNE)).toBe(false);
    expect(canViewUnit(a, PREFIX_LOOKALIKE)).toBe(false);
    expect(canEditFigures(a, COMMUNE)).toBe(true);
    expect(canEditFigures(a, SAME_DISTRICT_COMMUNE)).toBe(false);
    expect(canEditFigures(a, DISTRICT)).toBe(false);
    expect(canViewUnit(a, PROVINCE)).toBe(false);
    expect(canViewUnit(a, OTHER_DISTRICT_COMMUNE)).toBe(false);
  });
});

describe("parentPath", () => {
  it.each([
    { path: "49/517/21001/", parent: "49/517/" },
    { path: "49/517/", parent: "49/" },
    { path: "49/", parent: "49/" },
    { path: "1/2/3/4/", parent: "1/2/3/" },
    { path: "", parent: "" },
  ])("$path → $parent", ({ path, parent }) => {
    expect(parentPath(path)).toBe(parent);
  });
});

describe("a unit's past (Actor.historyPaths)", () => {
  // Thành phố Đà Nẵng (48, new on 01/07/2025) came from Quảng Nam (49); Phường Hải Vân from two communes of district 490
  const danang: Actor = { ...actor("province", "48/"), historyPaths: ["49/"] };
  const haivan: Actor = { ...actor("commune", "48/20194/"), historyPaths: ["48/490/20194/", "48/490/20195/"] };

  it("a province's official opens every unit of the provinces it came from, and no other", () => {
    expect(canViewUnit(danang, "49/517/21001/")).toBe(true);
    expect(canViewUnit(danang, "49/")).toBe(true);
    expect(canViewUnit(danang, "46/")).toBe(false);
    expect(canViewUnit(danang, "4/")).toBe(false);
    expect(readPrefixes(danang)).toEqual(["48/", "49/"]);
  });

  it("a commune officer opens the communes it came from and their district, not those communes' siblings", () => {
    expect(canViewUnit(haivan, "48/490/20194/")).toBe(true);
    expect(canViewUnit(haivan, "48/490/")).toBe(true);
    expect(canViewUnit(haivan, "48/490/20196/")).toBe(false);
    expect(readPrefixes(haivan)).toEqual(["48/", "48/490/"]);
  });

  it("reading the past is not writing it", () => {
    expect(canEditFigures(haivan, "48/490/20194/")).toBe(false);
    expect(canEditFigures(haivan, "48/20194/")).toBe(true);
  });

  it("without history, the read prefixes are the scope alone; an administrator's everything", () => {
    expect(readPrefixes(actor("province", PROVINCE))).toEqual([PROVINCE]);
    expect(readPrefixes(actor("admin", null))).toEqual([""]);
    expect(readPrefixes(actor("district", null))).toBeNull();
  });
});

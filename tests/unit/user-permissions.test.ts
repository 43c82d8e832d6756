// The signed-in user's DTO carries what the user may do (SessionUserDTO.may, from the
// permission predicates of lib/auth), so that pages read it instead of comparing roles.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { permissionsOf } from "@/lib/data/sessions";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("what a user may do", () => {
  it.each<{ role: Role; unitPath: string | null; enterFigures: boolean; chooseEntryUnit: boolean; administer: boolean; readAuditLog: boolean; agencyFocalPoint: boolean }>([
    { role: "admin", unitPath: null, enterFigures: true, chooseEntryUnit: true, administer: true, readAuditLog: true, agencyFocalPoint: false },
    { role: "province", unitPath: "49/", enterFigures: false, chooseEntryUnit: false, administer: false, readAuditLog: true, agencyFocalPoint: false },
    { role: "leader", unitPath: "49/", enterFigures: false, chooseEntryUnit: false, administer: false, readAuditLog: false, agencyFocalPoint: false },
    { role: "district", unitPath: "49/517/", enterFigures: true, chooseEntryUnit: false, administer: false, readAuditLog: false, agencyFocalPoint: false },
    { role: "commune", unitPath: "49/517/20992/", enterFigures: true, chooseEntryUnit: false, administer: false, readAuditLog: false, agencyFocalPoint: false },
    { role: "agency", unitPath: null, enterFigures: false, chooseEntryUnit: false, administer: false, readAuditLog: false, agencyFocalPoint: true },
  ])("$role", ({ role, unitPath, ...may }) => {
    expect(permissionsOf({ id: 1, username: "x", role, unitPath })).toEqual(may);
  });

  it("is read by the pages, not re-derived from the role", () => {
    const files = (dir: string): string[] => readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return rel === "app/reports/weekly" ? [] : files(rel);
      return /page\.tsx$|layout\.tsx$/.test(entry.name) ? [rel] : [];
    });
    const deriving = files("app").filter((file) => /\buser\.role\s*[!=]==/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(deriving).toEqual([]);
  });
});

// Loads units from the official list (General Statistics Office of Vietnam, list in force
// on 10/04/2023), shipped in prisma/data. Existing codes are left as they are.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Db } from "../client";
import { Prisma } from "../generated/client";
import { slices } from "../slices";
import { searchKey } from "@/lib/domain/text";
import { unitKindOf } from "@/lib/domain/unit-kinds";

export const OFFICIAL_UNITS_FILE = path.resolve(__dirname, "..", "..", "..", "prisma", "data", "admin-units-vn-2023-04.csv");

export interface OfficialUnit {
  code: string;
  name: string;
  type: string;
  parent_code: string;
  level: string;
}

export function readOfficialUnits(): OfficialUnit[] {
  return parse(readFileSync(OFFICIAL_UNITS_FILE, "utf8").replace(/^\uFEFF/, ""), { columns: true, skip_empty_lines: true });
}

/**
 * Loads the given official units of the 2023 list (parents before children), as units that
 * have always existed; returns how many were new. Later lists come in as reorganisations.
 */
export async function loadUnits(client: Db, units: OfficialUnit[]): Promise<number> {
  const known = new Map((await client.unit.findMany({ where: { validFrom: null }, select: { code: true, id: true, path: true } })).map((u) => [u.code, u]));
  let created = 0;
  const byLevel = [...units].sort((a, b) => Number(a.level) - Number(b.level));
  for (const level of [...new Set(byLevel.map((u) => Number(u.level)))]) {
    const batch = byLevel.filter((u) => Number(u.level) === level && !known.has(u.code));
    const data = batch.map((u) => {
      const parent = u.parent_code ? known.get(u.parent_code) : undefined;
      if (u.parent_code && !parent) throw new Error(`Unit ${u.code}: parent ${u.parent_code} not loaded`);
      return { code: u.code, name: u.name, searchName: searchKey(u.name), type: u.type, kind: unitKindOf(level, u.type), level, parentId: parent?.id ?? null, path: `${parent?.path ?? ""}${u.code}/` };
    });
    for (const slice of slices(data, Prisma.UnitScalarFieldEnum)) await client.unit.createMany({ data: slice, skipDuplicates: true });
    created += data.length;
    const fresh = await client.unit.findMany({ where: { level, validFrom: null }, select: { code: true, id: true, path: true } });
    for (const unit of fresh) known.set(unit.code, unit);
  }
  return created;
}

/** The official units of one province: the province, its districts and their communes. */
export function provinceUnits(all: OfficialUnit[], provinceCode: string): OfficialUnit[] {
  const districts = new Set(all.filter((u) => u.parent_code === provinceCode).map((u) => u.code));
  return all.filter((u) => u.code === provinceCode || districts.has(u.code) || districts.has(u.parent_code));
}

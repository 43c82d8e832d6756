import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { dayToDate } from "@/lib/domain/dates";
import { searchKey } from "@/lib/domain/text";
import { unitKindOf } from "@/lib/domain/unit-kinds";

export const ADMIN: Actor = { id: null, username: "system", role: "admin", unitPath: null };

/** Creates units from `[code, name, parentCode]` rows, parents first. */
export async function createUnits(db: Db, rows: [string, string, string | null][]): Promise<Map<string, { id: number; path: string }>> {
  const units = new Map<string, { id: number; path: string }>();
  for (const [code, name, parentCode] of rows) {
    const parent = parentCode ? units.get(parentCode)! : null;
    const path = `${parent?.path ?? ""}${code}/`;
    const level = path.split("/").filter(Boolean).length;
    const created = await db.unit.create({ data: { code, name, searchName: searchKey(name), type: "Test", kind: unitKindOf(level, "Test"), level, parentId: parent?.id ?? null, path }, select: { id: true } });
    units.set(code, { id: created.id, path });
  }
  return units;
}

/** A province (90) with districts 901 "Bắc", 902 "Nam", 903 "Tây" and their communes. */
export async function smallTree(db: Db) {
  return createUnits(db, [
    ["90", "Tỉnh Thử Nghiệm", null],
    ["901", "Huyện Bắc", "90"],
    ["902", "Huyện Nam", "90"],
    ["903", "Huyện Tây", "90"],
    ["90101", "Xã Một", "901"],
    ["90102", "Xã Hai", "901"],
    ["90201", "Xã Ba", "902"],
    ["90301", "Xã Bốn", "903"],
  ]);
}

export async function createCampaign(db: Db, code = "dot-1", start = "2023-05-01", end = "2023-06-30") {
  return db.campaign.create({ data: { code, name: `Đợt ${code}`, startDate: dayToDate(start), endDate: dayToDate(end) } });
}

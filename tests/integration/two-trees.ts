// A small reorganisation built by direct inserts, for tests of units over time: province 90
// in the 2023 shape (district 901 "Huyện Cũ" with communes 90101, 90102, 90103) until
// 30/06/2025, and from 01/07/2025 the same province with two tiers, its communes at level 2:
//   new 90101 "Phường Một Mới"  ← old 90101 (full) and old 90102 (full): the code is reused
//   90104 "Xã Bốn Mới"          ← old 90103 (partial, share 0.4)
//   90105 "Xã Năm Mới"          ← old 90103 (partial, no share)
// The old district has no successor (districts were abolished).
import type { Db } from "@/lib/db/client";
import { dayToDate } from "@/lib/domain/dates";
import { searchKey } from "@/lib/domain/text";

export const CHANGE_DAY = "2025-07-01";

/** Keys: `90`, `901`, `90101@old`, `90102`, `90103`, `90101@new`, `90104`, `90105`. */
export type TwoTrees = Map<string, { id: number; path: string }>;

export async function twoTrees(db: Db): Promise<TwoTrees> {
  const units: TwoTrees = new Map();
  const change = dayToDate(CHANGE_DAY);
  const add = async (key: string, code: string, name: string, type: string, kind: string, parentKey: string | null, life: { validFrom?: Date; dissolvedOn?: Date; reorganisationId?: number }) => {
    const parent = parentKey ? units.get(parentKey)! : null;
    const path = `${parent?.path ?? ""}${code}/`;
    const level = path.split("/").filter(Boolean).length;
    const created = await db.unit.create({
      data: { code, name, searchName: searchKey(name), type, kind, level, parentId: parent?.id ?? null, path, validFrom: life.validFrom ?? null, dissolvedOn: life.dissolvedOn ?? null, reorganisationId: life.reorganisationId ?? null },
      select: { id: true },
    });
    units.set(key, { id: created.id, path });
  };
  const ended = { dissolvedOn: change };
  await add("90", "90", "Tỉnh Thử Nghiệm", "Tỉnh", "province", null, {});
  await add("901", "901", "Huyện Cũ", "Huyện", "district", "90", ended);
  await add("90101@old", "90101", "Xã Một Cũ", "Xã", "commune", "901", ended);
  await add("90102", "90102", "Xã Hai Cũ", "Xã", "commune", "901", ended);
  await add("90103", "90103", "Xã Ba Cũ", "Xã", "commune", "901", ended);
  const reorganisation = await db.unitReorganisation.create({ data: { effectiveDate: change, summary: { fixture: "two-trees" } }, select: { id: true } });
  const born = { validFrom: change, reorganisationId: reorganisation.id };
  await add("90101@new", "90101", "Phường Một Mới", "Phường", "commune", "90", born);
  await add("90104", "90104", "Xã Bốn Mới", "Xã", "commune", "90", born);
  await add("90105", "90105", "Xã Năm Mới", "Xã", "commune", "90", born);
  const succession = (from: string, to: string, part: "full" | "partial", share: string | null = null) => ({
    predecessorId: units.get(from)!.id, successorId: units.get(to)!.id, part, share, reorganisationId: reorganisation.id,
  });
  await db.unitSuccession.createMany({
    data: [
      succession("90101@old", "90101@new", "full"),
      succession("90102", "90101@new", "full"),
      succession("90103", "90104", "partial", "0.4"),
      succession("90103", "90105", "partial"),
    ],
  });
  return units;
}

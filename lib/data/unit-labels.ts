// A unit's name and type on a day (docs/units-over-time.md, "Names through time"): a unit
// that continued through a reorganisation under a new name (code 15, Tỉnh Yên Bái, is Tỉnh
// Lào Cai from 01/07/2025) is named in a view as it was named on the view's day. The current
// label is the unit's own; the earlier ones are rows of unit_label, each until a day.
import { db } from "@/lib/db/client";
import { dayToDate } from "@/lib/domain/dates";

interface Labelled {
  id: number;
  name: string;
  type?: string;
}

/**
 * The units relabelled as they were named on `day` (a copy of each changed; the others as
 * given). One index probe for the lot; nearly always there is no older label.
 */
export async function labelledOn<T extends Labelled>(units: readonly T[], day: string): Promise<T[]> {
  if (units.length === 0) return [...units];
  const rows = await db().$queryRaw<{ unit_id: number; name: string; type: string }[]>`
    SELECT DISTINCT ON (l.unit_id) l.unit_id, l.name, l.type FROM unit_label l
    WHERE l.unit_id = ANY(${units.map((u) => u.id)}::int[]) AND l.until_day > ${dayToDate(day)}::date
    ORDER BY l.unit_id, l.until_day`;
  if (rows.length === 0) return [...units];
  const byId = new Map(rows.map((r) => [r.unit_id, r]));
  return units.map((u) => {
    const label = byId.get(u.id);
    if (!label) return u;
    return { ...u, name: label.name, ...(u.type !== undefined ? { type: label.type } : {}) };
  });
}

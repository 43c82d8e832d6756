import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { db, type Db } from "@/lib/db/client";
import { addDays, dateToDay } from "@/lib/domain/dates";

/**
 * The paths of the units a unit came from through reorganisations, transitively (its
 * predecessors, full or partial, theirs, …), in path order: Thành phố Đà Nẵng (48, new on
 * 01/07/2025 in a database holding only Quảng Nam's 2023 tree) → ["49/"]. An account on a unit
 * reads these subtrees as its unit's past (Actor.historyPaths, lib/auth/permissions.ts). Only
 * the unit's own predecessors count: the units below it came from units below those (the 2025
 * mapping never moves a commune across a province), so their subtrees already hold them.
 * Empty for a unit nothing flowed into, and for no unit.
 */
export async function historyPathsOf(unitId: number | null, client: Pick<Db, "$queryRaw"> = db()): Promise<string[]> {
  if (unitId === null) return [];
  const rows = await client.$queryRaw<{ path: string }[]>(Prisma.sql`
    WITH RECURSIVE came_from(id) AS (
      SELECT predecessor_id FROM unit_succession WHERE successor_id = ${unitId}
      UNION
      SELECT s.predecessor_id FROM unit_succession s JOIN came_from c ON s.successor_id = c.id
    )
    SELECT u.path FROM came_from c JOIN unit u ON u.id = c.id ORDER BY u.path`);
  return rows.map((r) => r.path);
}

/**
 * The day an account's views open on when it asks for none: null (today) while its unit
 * exists; once the unit has ended, the last day its figures reach before the end (Quảng Nam's
 * 2023 accounts in the demo: 07/06/2023, where their history stops), or the unit's last day
 * when it has none. An ended unit's today holds nothing to read.
 */
export async function homeDayOf(unit: { id: number; dissolvedOn: Date | null } | null, today: string, client: Pick<Db, "$queryRaw"> = db()): Promise<string | null> {
  if (!unit?.dissolvedOn || dateToDay(unit.dissolvedOn) > today) return null;
  const [row] = await client.$queryRaw<{ day: string | null }[]>(Prisma.sql`
    SELECT max(date)::text AS day FROM unit_total WHERE unit_id = ${unit.id} AND date < ${unit.dissolvedOn}`);
  return row?.day ?? addDays(dateToDay(unit.dissolvedOn), -1);
}

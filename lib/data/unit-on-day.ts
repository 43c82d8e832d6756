import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { existsOnWhere } from "@/lib/db/unit-lifetime";
import { addDays, dateToDay, dayToDate, todayInVietnam } from "@/lib/domain/dates";

type Client = Pick<Prisma.TransactionClient, "unit">;

/**
 * The one way to turn an official code into a unit: a code names a unit only together with a
 * day (the 2025 reorganisation reuses old codes for new units), so every lookup says which
 * day: the view's as-of date, the row's date, or today for what happens now (attaching an
 * account, locking a period). Null when no unit has that code on that day; `codeElsewhere`
 * says why.
 */
export function unitOnDay<S extends Prisma.UnitSelect>(client: Client, code: string, day: string, select: S) {
  return client.unit.findFirst({ where: { code, ...existsOnWhere(dayToDate(day)) }, select });
}

/** The day screens and commands resolve codes on when they have no as-of date of their own. */
export const today = (): string => todayInVietnam();

export interface CodeElsewhere {
  /** the unit with that code that ended last before the day, with its last day and successors */
  ended: { code: string; name: string; lastDay: string; successors: { code: string; name: string; part: string }[] } | null;
  /**
   * the unit with that code that starts first after the day, with its first day and the units
   * it came from (`onDay`: that predecessor existed on the day asked about)
   */
  starts: { code: string; name: string; firstDay: string; predecessors: { code: string; name: string; part: string; onDay: boolean }[] } | null;
}

/**
 * Why a code names no unit on a day: the unit it named before ended (and what succeeded it),
 * or the unit it will name has not started yet. Both null: the code was never used.
 */
export async function codeElsewhere(code: string, day: string, client: Client = db()): Promise<CodeElsewhere> {
  const date = dayToDate(day);
  const [ended, starts] = await Promise.all([
    client.unit.findFirst({
      where: { code, dissolvedOn: { lte: date } },
      orderBy: { dissolvedOn: "desc" },
      select: { code: true, name: true, dissolvedOn: true, successors: { select: { part: true, successor: { select: { code: true, name: true } } } } },
    }),
    client.unit.findFirst({
      where: { code, validFrom: { gt: date } },
      orderBy: { validFrom: "asc" },
      select: { code: true, name: true, validFrom: true, predecessors: { select: { part: true, predecessor: { select: { code: true, name: true, validFrom: true, dissolvedOn: true } } } } },
    }),
  ]);
  return {
    ended: ended?.dissolvedOn
      ? {
          code: ended.code, name: ended.name, lastDay: addDays(dateToDay(ended.dissolvedOn), -1),
          successors: ended.successors.map((s) => ({ code: s.successor.code, name: s.successor.name, part: s.part })).sort((a, b) => a.code.localeCompare(b.code)),
        }
      : null,
    starts: starts?.validFrom
      ? {
          code: starts.code, name: starts.name, firstDay: dateToDay(starts.validFrom),
          predecessors: starts.predecessors.map(({ part, predecessor: p }) => ({
            code: p.code, name: p.name, part,
            onDay: (!p.validFrom || p.validFrom <= date) && (!p.dissolvedOn || p.dissolvedOn > date),
          })).sort((a, b) => a.code.localeCompare(b.code)),
        }
      : null,
  };
}

/**
 * Many codes, each on its own day (an import's rows): every unit those codes have named, and
 * a lookup of the one valid on a day. One query, however many rows.
 */
export async function unitsOnDays(client: Client, codes: Iterable<string>): Promise<(code: string, day: string) => { id: number; code: string; path: string } | undefined> {
  const units = await client.unit.findMany({
    where: { code: { in: [...new Set(codes)] } },
    select: { id: true, code: true, path: true, validFrom: true, dissolvedOn: true },
  });
  const byCode = new Map<string, typeof units>();
  for (const u of units) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
  return (code, day) => {
    const date = dayToDate(day);
    return byCode.get(code)?.find((u) => (!u.validFrom || u.validFrom <= date) && (!u.dissolvedOn || u.dissolvedOn > date));
  };
}

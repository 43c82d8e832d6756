import "server-only";
// What the entry grid shows for a day: one row per leaf unit the caller may edit, one cell
// per metric with the running total the day before, the day's count and its version.
import { ancestorPaths, canAdminister, canEditFigures, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { addDays, dateToDay, dayToDate } from "@/lib/domain/dates";
import { formatDay } from "@/lib/domain/format";
import { AppError } from "./errors";
import { existsOnWhere } from "@/lib/db/unit-lifetime";
import { unitOnDay } from "./unit-on-day";

export interface DailyCellDTO {
  metric: string;
  /** running total at the end of the day before */
  previous: number;
  /** the day's saved count, null when none */
  value: number | null;
  version: number | null;
}

export interface DailyGridRowDTO {
  unitCode: string;
  unitName: string;
  /** a unit counts as reported for a day when any of its figures for that day is saved */
  reported: boolean;
  lock: { until: string; reason: string } | null;
  cells: DailyCellDTO[];
}

export interface DailyGridDTO {
  date: string;
  scope: { code: string; name: string };
  /** each metric's name in Vietnamese and in English: the page shows the one of its language */
  metrics: { code: string; name: string; nameEn: string }[];
  rows: DailyGridRowDTO[];
  /** administrators may change locked figures (audited like any change) */
  canOverrideLocks: boolean;
  /**
   * The last day locked for the whole scope (a lock on it or on a unit above it), whatever the
   * day shown: the page drops the drafts it kept on the device for days up to it (issue 23).
   */
  scopeLockedUntil: string | null;
  /**
   * Which page of the leaves `rows` is (a 2025 province's police enter 94, Hà Nội's 126
   * communes): `total` and `reported` count every leaf of the scope. One page is one form and
   * one submission. Without a page asked for, `rows` holds every leaf (one page).
   */
  paging: { page: number; pages: number; size: number; total: number; reported: number };
}

/** Leaves per page of the entry grid: a district's communes fit on one page, a two-tier province's 94 take four. */
export const GRID_PAGE_SIZE = 30;

/** The grid of the leaves under `scopeCode` (default: the caller's own unit). */
export async function getDailyGrid(actor: Actor, day: string, scopeCode?: string, options: { page?: number } = {}): Promise<DailyGridDTO> {
  // an agency's focal point enters its agency's weekly figure, never a unit's (issue 22)
  if (actor.role === "agency") throw new AppError("FORBIDDEN");
  const client = db();
  const select = { id: true, code: true, name: true, path: true, dissolvedOn: true } as const;
  const scope = scopeCode
    ? await unitOnDay(client, scopeCode, day, select)
    : actor.unitPath ? await client.unit.findFirst({ where: { path: actor.unitPath }, select }) : null;
  if (!scope) throw new AppError("NOT_FOUND");
  // an account still attached to a unit that has ended (not yet moved to its successor) reads
  // the old unit's history but enters nothing from its end on
  if (scope.dissolvedOn && day >= dateToDay(scope.dissolvedOn)) {
    throw new AppError("FORBIDDEN", { subject: "unit", userMessage: { key: "errors.unitOnDay.accountUnitEnded", params: { name: scope.name, code: scope.code, lastDay: formatDay(addDays(dateToDay(scope.dissolvedOn), -1)) } } });
  }
  if (!canEditFigures(actor, scope.path)) throw new AppError("FORBIDDEN");
  const date = dayToDate(day);
  const [leaves, metrics] = await Promise.all([
    client.unit.findMany({
      where: { path: { startsWith: scope.path }, children: { none: {} }, ...existsOnWhere(date) },
      select: { id: true, code: true, name: true, path: true },
      orderBy: { name: "asc" },
    }),
    client.metric.findMany({ select: { id: true, code: true, nameVi: true, nameEn: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  ]);
  const leafIds = leaves.map((u) => u.id);
  const [today, previous, locks, carried, scopeLockedUntil] = await Promise.all([
    client.figure.findMany({ where: { unitId: { in: leafIds }, date }, select: { unitId: true, metricId: true, value: true, version: true } }),
    client.figure.findMany({
      where: { unitId: { in: leafIds }, date: { lt: date } },
      distinct: ["unitId", "metricId"],
      orderBy: [{ unitId: "asc" }, { metricId: "asc" }, { date: "desc" }],
      select: { unitId: true, metricId: true, cumulative: true },
    }),
    listLocksCovering(scope.path, day),
    // what a change of the tree carried into each leaf by the day (lib/data/carries.ts): its
    // running total, as every view shows it and as a "lũy kế" entry means it, includes it
    client.unitCarry.groupBy({ by: ["unitId", "metricId"], where: { unitId: { in: leafIds }, fromDay: { lte: date } }, _sum: { amount: true } }),
    lastLockOver(scope.path),
  ]);
  const key = (unitId: number, metricId: number) => `${unitId}:${metricId}`;
  const todayByKey = new Map(today.map((f) => [key(f.unitId, f.metricId), f]));
  const previousByKey = new Map(previous.map((f) => [key(f.unitId, f.metricId), f.cumulative]));
  for (const c of carried) previousByKey.set(key(c.unitId, c.metricId), (previousByKey.get(key(c.unitId, c.metricId)) ?? 0) + (c._sum.amount ?? 0));
  const rows = leaves.map((unit) => {
    const lock = locks.find((l) => unit.path.startsWith(l.path)) ?? null;
    return {
      unitCode: unit.code,
      unitName: unit.name,
      reported: metrics.some((m) => todayByKey.has(key(unit.id, m.id))),
      lock: lock ? { until: lock.until, reason: lock.reason } : null,
      cells: metrics.map((m) => {
        const figure = todayByKey.get(key(unit.id, m.id));
        return { metric: m.code, previous: previousByKey.get(key(unit.id, m.id)) ?? 0, value: figure?.value ?? null, version: figure?.version ?? null };
      }),
    };
  });
  const size = options.page === undefined ? Math.max(rows.length, 1) : GRID_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1)), pages);
  return {
    date: day,
    scope: { code: scope.code, name: scope.name },
    metrics: metrics.map((m) => ({ code: m.code, name: m.nameVi, nameEn: m.nameEn })),
    canOverrideLocks: canAdminister(actor),
    scopeLockedUntil,
    rows: rows.slice((page - 1) * size, page * size),
    paging: { page, pages, size, total: rows.length, reported: rows.filter((r) => r.reported).length },
  };
}

/** The last day locked for the whole subtree at `path`: by a lock on it or on one of its ancestors. */
async function lastLockOver(path: string): Promise<string | null> {
  const units = await db().unit.findMany({ where: { path: { in: [...ancestorPaths(path), path] } }, select: { id: true } });
  const lock = await db().periodLock.findFirst({ where: { unitId: { in: units.map((u) => u.id) } }, orderBy: { untilDate: "desc" }, select: { untilDate: true } });
  return lock ? dateToDay(lock.untilDate) : null;
}

/** Locks on `day` that cover any part of the subtree at `path` (ancestors' or descendants'). */
async function listLocksCovering(path: string, day: string) {
  const locks = await db().periodLock.findMany({
    where: { untilDate: { gte: dayToDate(day) } },
    select: { unitId: true, untilDate: true, reason: true },
    orderBy: { untilDate: "desc" },
  });
  if (!locks.length) return [];
  const units = new Map((await db().unit.findMany({ where: { id: { in: locks.map((l) => l.unitId) } }, select: { id: true, path: true } })).map((u) => [u.id, u.path]));
  return locks
    .map((l) => ({ path: units.get(l.unitId) ?? "", until: dateToDay(l.untilDate), reason: l.reason }))
    .filter((l) => l.path && (path.startsWith(l.path) || l.path.startsWith(path)));
}

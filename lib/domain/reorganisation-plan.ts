// The rules of a reorganisation (docs/units-over-time.md), pure: given the units existing the
// day before the date, the list of units in force from the date and the mapping of the old
// units onto the new ones, which old units continue, which end, which new units start, the
// successions, and what to report. The data layer gathers the units and writes the plan.
import { addDays } from "./dates";
import { formatDay } from "./format";
import { unitKindOf } from "./unit-kinds";

export interface NewUnitRow {
  line: number;
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  level: number;
}

export interface ChangeRow {
  line: number;
  effectiveDate: string;
  oldCode: string;
  newCode: string;
  part: "full" | "partial";
  share: number | null;
}

/** A unit existing on the day before the date. */
export interface OldUnit {
  id: number;
  code: string;
  name: string;
  type: string;
  level: number;
  kind: string;
  parentId: number | null;
  path: string;
  /** an end already set after the date (the reorganisation would move it: refused) */
  dissolvedOn: string | null;
}

export type PlanIssueReason =
  | "duplicateCode" | "unknownParent" | "levelUndefined" | "levelMismatch" | "parentRequired"
  | "otherDate" | "newCodeUnknown" | "fullWithOthers" | "duplicateChange" | "endsLater" | "codeInUse" | "allLoaded";

export interface PlanIssue {
  /** null: a unit found in the database only, in neither file (its message names it; line 0) */
  file: "units" | "changes" | null;
  line: number;
  reason: PlanIssueReason;
  params: Record<string, string>;
}

export interface PlannedUnit {
  code: string;
  name: string;
  type: string;
  level: number;
  kind: string;
  parentCode: string | null;
  path: string;
}

export interface ContinuingUnit {
  id: number;
  code: string;
  name: string;
  type: string;
  before: { name: string; type: string };
}

export interface PlannedSuccession {
  predecessorId: number;
  /** the new list's code: a unit to create, or a continuing one */
  successorCode: string;
  part: "full" | "partial";
  share: number | null;
}

export interface ProvinceCount {
  code: string;
  name: string;
  continues: boolean;
  /** units of the new list under it (all depths) */
  units: number;
  /** old provinces mapped into it (itself included when it continues) */
  oldProvinces: string[];
  /** old units with a succession into it or a unit under it */
  predecessors: number;
}

export interface ReorganisationSummary {
  date: string;
  ending: number;
  starting: number;
  continuing: number;
  successions: { full: number; partial: number; partialWithShare: number };
  /** old units ending without any successor (districts apart), the first NAMES_LISTED by code */
  noSuccessor: { count: number; units: { code: string; name: string }[] };
  districtsAbolished: number;
  /** mapping rows whose old code names no unit of this database on the day before */
  notInDatabase: number;
  provinces: ProvinceCount[];
  /**
   * provinces of the list that an earlier load already started on the date (a province loaded
   * alone, then the whole country's files): left as they are, with their units and the mapping
   * rows into them; absent when none (and from summaries stored before the rule)
   */
  alreadyLoaded?: { code: string; name: string }[];
}

export interface ReorganisationPlan {
  issues: PlanIssue[];
  continuing: ContinuingUnit[];
  /** parents before children */
  create: PlannedUnit[];
  endingIds: number[];
  successions: PlannedSuccession[];
  summary: ReorganisationSummary;
}

export const NAMES_LISTED = 50;

export function planReorganisation(input: {
  date: string;
  levels: ReadonlySet<number>;
  units: readonly NewUnitRow[];
  changes: readonly ChangeRow[];
  old: readonly OldUnit[];
  /** the codes of the provinces (roots) that start on the date already */
  started?: ReadonlySet<string>;
}): ReorganisationPlan {
  const { date, levels, old } = input;
  const { units, changes, alreadyLoaded } = leaveLoadedProvinces(input.units, input.changes, input.started ?? new Set());
  const issues: PlanIssue[] = [];
  if (alreadyLoaded.length && !units.length) issues.push({ file: null, line: 0, reason: "allLoaded", params: { date: formatDay(date) } });
  const unitIssue = (line: number, reason: PlanIssueReason, params: Record<string, string> = {}) => issues.push({ file: "units", line, reason, params });
  const changeIssue = (line: number, reason: PlanIssueReason, params: Record<string, string> = {}) => issues.push({ file: "changes", line, reason, params });

  // the new list: one row per code, each under a parent of the list one level up
  const listed = new Map<string, NewUnitRow>();
  for (const row of units) {
    if (listed.has(row.code)) unitIssue(row.line, "duplicateCode", { code: row.code });
    else listed.set(row.code, row);
  }
  for (const row of units) {
    if (!levels.has(row.level)) unitIssue(row.line, "levelUndefined", { level: String(row.level) });
    if (!row.parentCode) {
      if (row.level !== 1) unitIssue(row.line, "parentRequired");
      continue;
    }
    const parent = listed.get(row.parentCode);
    if (!parent) unitIssue(row.line, "unknownParent", { code: row.parentCode });
    else if (parent.level !== row.level - 1) unitIssue(row.line, "levelMismatch", { level: String(row.level), parentLevel: String(parent.level) });
  }

  // the mapping: on the date, onto the list; a whole old unit goes into one new unit only
  const rowsOf = new Map<string, ChangeRow[]>();
  const pairs = new Set<string>();
  for (const row of changes) {
    if (row.effectiveDate !== date) changeIssue(row.line, "otherDate", { date: row.effectiveDate, expected: date });
    if (!listed.has(row.newCode)) changeIssue(row.line, "newCodeUnknown", { code: row.newCode });
    const pair = `${row.oldCode}>${row.newCode}`;
    if (pairs.has(pair)) changeIssue(row.line, "duplicateChange", { oldCode: row.oldCode, newCode: row.newCode });
    pairs.add(pair);
    rowsOf.set(row.oldCode, [...(rowsOf.get(row.oldCode) ?? []), row]);
  }
  for (const rows of rowsOf.values()) {
    if (rows.length > 1) for (const row of rows) if (row.part === "full") changeIssue(row.line, "fullWithOthers", { code: row.oldCode });
  }

  const oldByCode = new Map(old.map((u) => [u.code, u]));
  const oldById = new Map(old.map((u) => [u.id, u]));
  const ordered = [...listed.values()].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));

  // continuing: same code, level and parent (continuing too, or both roots), mapped wholly onto itself
  const continuing = new Map<string, OldUnit>();
  for (const row of ordered) {
    const same = oldByCode.get(row.code);
    if (!same || same.level !== row.level) continue;
    const oldParent = same.parentId === null ? null : oldById.get(same.parentId) ?? null;
    const parentFits = row.parentCode === null ? same.parentId === null : oldParent !== null && continuing.get(row.parentCode)?.id === oldParent.id;
    const selfRow = rowsOf.get(row.code)?.some((c) => c.newCode === row.code && c.part === "full");
    if (parentFits && selfRow) continuing.set(row.code, same);
  }

  const paths = new Map<string, string>();
  const create: PlannedUnit[] = [];
  for (const row of ordered) {
    const kept = continuing.get(row.code);
    const parentPath = row.parentCode ? paths.get(row.parentCode) ?? "" : "";
    const path = kept ? kept.path : `${parentPath}${row.code}/`;
    paths.set(row.code, path);
    if (!kept) create.push({ code: row.code, name: row.name, type: row.type, level: row.level, kind: unitKindOf(row.level, row.type), parentCode: row.parentCode, path });
  }

  // successions, from every mapping row whose old code names a unit here (none onto itself)
  const successions: PlannedSuccession[] = [];
  let notInDatabase = 0;
  for (const row of changes) {
    const from = oldByCode.get(row.oldCode);
    if (!from) {
      notInDatabase++;
      continue;
    }
    if (continuing.get(row.newCode)?.id === from.id) continue;
    successions.push({ predecessorId: from.id, successorCode: row.newCode, part: row.part, share: row.share });
  }

  // ending: everything under the old provinces mapped into the list's provinces, and every old unit mapped
  const rootsMapped = new Set<number>();
  for (const row of changes) {
    const from = oldByCode.get(row.oldCode);
    if (from && from.parentId === null && listed.get(row.newCode)?.parentCode === null) rootsMapped.add(from.id);
  }
  const rootPaths = old.filter((u) => rootsMapped.has(u.id)).map((u) => u.path);
  const mappedIds = new Set(successions.map((s) => s.predecessorId));
  const continuingIds = new Set([...continuing.values()].map((u) => u.id));
  const concerned = old.filter((u) => !continuingIds.has(u.id) && (mappedIds.has(u.id) || rootPaths.some((p) => u.path.startsWith(p))));
  // a unit already ending on the date is left as it is (its end is not this reorganisation's,
  // and undoing it does not reopen the unit); one that ends later is refused
  const endsOnTheDate = (u: OldUnit) => u.dissolvedOn === date;
  const ending = concerned.filter((u) => !endsOnTheDate(u));
  // named on the first mapping row of the unit, else (a unit ending because its province does)
  // by its code and name alone: it is in neither file
  const firstChangeLine = new Map<string, number>();
  for (const row of changes) if (!firstChangeLine.has(row.oldCode)) firstChangeLine.set(row.oldCode, row.line);
  for (const u of ending) {
    if (u.dissolvedOn === null) continue;
    const line = firstChangeLine.get(u.code);
    issues.push({ file: line === undefined ? null : "changes", line: line ?? 0, reason: "endsLater", params: { code: u.code, name: u.name, date: formatDay(addDays(u.dissolvedOn, -1)) } });
  }
  // a new unit may take an old unit's code only if that unit ends (a code names one unit a day)
  const endingIds = new Set(concerned.map((u) => u.id));
  for (const unit of create) {
    const holder = oldByCode.get(unit.code);
    if (holder && !endingIds.has(holder.id)) unitIssue(listed.get(unit.code)!.line, "codeInUse", { code: unit.code, name: holder.name });
  }

  const withSuccessor = new Set(successions.map((s) => s.predecessorId));
  const orphans = ending.filter((u) => !withSuccessor.has(u.id));
  const districts = orphans.filter((u) => u.kind === "district");
  const noSuccessor = orphans.filter((u) => u.kind !== "district").sort((a, b) => a.code.localeCompare(b.code));

  const summary: ReorganisationSummary = {
    date,
    ending: ending.length,
    starting: create.length,
    continuing: continuing.size,
    successions: {
      full: successions.filter((s) => s.part === "full").length,
      partial: successions.filter((s) => s.part === "partial").length,
      partialWithShare: successions.filter((s) => s.part === "partial" && s.share !== null).length,
    },
    noSuccessor: { count: noSuccessor.length, units: noSuccessor.slice(0, NAMES_LISTED).map((u) => ({ code: u.code, name: u.name })) },
    districtsAbolished: districts.length,
    notInDatabase,
    provinces: provinceCounts(ordered, continuing, changes, oldByCode, paths),
    // only when there are some: a summary without them reads as before the rule
    ...(alreadyLoaded.length ? { alreadyLoaded } : {}),
  };
  return {
    issues,
    continuing: [...continuing.values()].map((u) => {
      const row = listed.get(u.code)!;
      return { id: u.id, code: u.code, name: row.name, type: row.type, before: { name: u.name, type: u.type } };
    }),
    create,
    endingIds: ending.map((u) => u.id),
    successions,
    summary,
  };
}

/**
 * The files without the provinces already started on the date (each with every unit under it
 * and every mapping row into one of them): loading the whole country after one province adds
 * the others and leaves the first as it is, rather than refusing its codes as taken.
 */
function leaveLoadedProvinces(units: readonly NewUnitRow[], changes: readonly ChangeRow[], started: ReadonlySet<string>) {
  const roots = units.filter((u) => u.parentCode === null && started.has(u.code));
  if (!roots.length) return { units, changes, alreadyLoaded: [] };
  const parentOf = new Map(units.map((u) => [u.code, u.parentCode]));
  const rootOf = (code: string): string => {
    let current = code;
    // bounded: a cycle in a file is refused by the rules, not looped on here
    for (let depth = 0; depth < 16; depth++) {
      const parent = parentOf.get(current);
      if (!parent) return current;
      current = parent;
    }
    return current;
  };
  const loaded = new Set(roots.map((r) => r.code));
  return {
    units: units.filter((u) => !loaded.has(rootOf(u.code))),
    changes: changes.filter((c) => !loaded.has(rootOf(c.newCode))),
    alreadyLoaded: roots.map((r) => ({ code: r.code, name: r.name })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** Per province of the new list: its units, the old provinces mapped into it, its predecessors. */
function provinceCounts(
  ordered: readonly NewUnitRow[], continuing: ReadonlyMap<string, OldUnit>, changes: readonly ChangeRow[],
  oldByCode: ReadonlyMap<string, OldUnit>, paths: ReadonlyMap<string, string>,
): ProvinceCount[] {
  const roots = ordered.filter((r) => r.parentCode === null);
  const rootOf = (code: string) => paths.get(code)?.split("/")[0] ?? "";
  return roots.map((root) => {
    const predecessors = new Set<number>();
    const oldProvinces = new Set<string>();
    for (const row of changes) {
      const from = oldByCode.get(row.oldCode);
      if (!from || rootOf(row.newCode) !== root.code) continue;
      predecessors.add(from.id);
      if (from.parentId === null) oldProvinces.add(from.code);
    }
    return {
      code: root.code,
      name: root.name,
      continues: continuing.has(root.code),
      units: ordered.filter((r) => r.parentCode !== null && rootOf(r.code) === root.code).length,
      oldProvinces: [...oldProvinces].sort(),
      predecessors: predecessors.size,
    };
  });
}

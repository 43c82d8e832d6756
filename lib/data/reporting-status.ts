import "server-only";
// Who has not reported for a day. A leaf unit has reported for day D when it has any figure
// dated D (a figure of 0 counts: "reported zero" is not "not reported"); otherwise it is
// behind by the days since its last report (or has never reported).
import { db, onReplica } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { dateToDay, daysBetween } from "@/lib/domain/dates";
import { compareVietnamese } from "@/lib/domain/text";
import { getViewableUnit } from "./progress";
import { existsOn } from "@/lib/db/unit-lifetime";
import { commonKind } from "@/lib/reports/kind-words";

export interface MissingUnitDTO {
  code: string;
  name: string;
  lastReportedOn: string | null;
  /** days since the last report; null when it has never reported */
  daysBehind: number | null;
}

export interface ReportingGroupDTO {
  code: string;
  name: string;
  leaves: number;
  missing: MissingUnitDTO[];
  /** the group's units that have reported for the day, by name (a group is one parent's children: at most a province's 126 communes) */
  reported: { code: string; name: string }[];
}

export interface ReportingStatusDTO {
  unit: { code: string; name: string };
  date: string;
  leaves: number;
  reported: number;
  /** what the leaves are (their common kind: "commune" in both trees), null when none or mixed; screens name them by it */
  leafKind: string | null;
  groups: ReportingGroupDTO[];
}

export async function getReportingStatus(actor: Actor, unitCode: string, date: string): Promise<ReportingStatusDTO> {
  // a dashboard's read: on the replica when there is one (lib/db/client.ts)
  return onReplica(() => readReportingStatusNow(actor, unitCode, date));
}

async function readReportingStatusNow(actor: Actor, unitCode: string, date: string): Promise<ReportingStatusDTO> {
  const unit = await getViewableUnit(actor, unitCode, { asOf: date });
  const leaves = await db().$queryRaw<{ code: string; name: string; kind: string; group_code: string; group_name: string; last: Date | null }[]>`
    SELECT leaf.code, leaf.name, leaf.kind, g.code AS group_code, g.name AS group_name, r.date AS last
    FROM unit leaf
    JOIN unit g ON g.id = COALESCE(CASE WHEN leaf.id = ${unit.id} THEN leaf.id END, leaf.parent_id)
    LEFT JOIN LATERAL (SELECT ur.date FROM unit_report ur WHERE ur.unit_id = leaf.id AND ur.date <= ${date}::date
                       ORDER BY ur.date DESC LIMIT 1) r ON true
    WHERE leaf.path LIKE ${`${unit.path}%`}
      AND NOT EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = leaf.id)
      AND ${existsOn("leaf", date)}`;
  const groups = new Map<string, ReportingGroupDTO>();
  let reported = 0;
  for (const leaf of leaves) {
    const group = groups.get(leaf.group_code) ?? { code: leaf.group_code, name: leaf.group_name, leaves: 0, missing: [], reported: [] };
    groups.set(leaf.group_code, group);
    group.leaves++;
    const last = leaf.last ? dateToDay(leaf.last) : null;
    if (last === date) {
      reported++;
      group.reported.push({ code: leaf.code, name: leaf.name });
      continue;
    }
    group.missing.push({ code: leaf.code, name: leaf.name, lastReportedOn: last, daysBehind: last ? daysBetween(last, date) : null });
  }
  // Never reported first, then the longest behind, then by name.
  const behind = (m: MissingUnitDTO) => m.daysBehind ?? Number.MAX_SAFE_INTEGER;
  const byBehind = (a: MissingUnitDTO, b: MissingUnitDTO) => behind(b) - behind(a) || compareVietnamese(a.name, b.name);
  for (const group of groups.values()) {
    group.missing.sort(byBehind);
    group.reported.sort((a, b) => compareVietnamese(a.name, b.name));
  }
  return {
    unit: { code: unit.code, name: unit.name },
    date,
    leaves: leaves.length,
    reported,
    leafKind: commonKind(leaves.map((leaf) => leaf.kind)),
    groups: [...groups.values()].filter((g) => g.missing.length > 0).sort((a, b) => compareVietnamese(a.name, b.name)),
  };
}

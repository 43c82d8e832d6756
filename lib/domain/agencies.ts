// Agencies' staff with level-2 activation (issue 22): how a week's figures of an agency tree
// become a ranking. Pure; lib/data/agencies.ts reads the rows.
//
// An agency's headcount and figure are its own staff's, its sub-agencies' not included. The
// ranking ranks the top agencies of a view (those whose parent is not in it) with their
// sub-agencies summed in: a department answers for its hospitals. Every agency, at any depth,
// that has no figure for the week is named as not reported. The target of every agency is
// 100% of its staff, so the share of staff activated is the percent of target.
import { percentOf } from "./percent";
import { rankRows } from "./ranking";
import { compareVietnamese } from "./text";

export interface AgencyWeekNode {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  /** its own staff on the week's last day (the latest headcount on or before it); null: none known */
  headcount: number | null;
  /** its own staff activated as of the week (the latest figure of the week or before); 0 when it never reported */
  activated: number;
  /** the same, as of the week before */
  activatedBefore: number;
  /** it entered a figure for this very week */
  reported: boolean;
}

export interface AgencyRankingRow {
  rank: number | null;
  code: string;
  name: string;
  /** its staff and its sub-agencies'; null when no headcount is known in the subtree */
  headcount: number | null;
  activated: number;
  /** share of staff activated (percentOf), null without headcount */
  percent: number | null;
  /** staff activated during the week */
  weekChange: number;
  /** how many agencies below it are summed in */
  subAgencies: number;
  /** it and every sub-agency entered this week's figure */
  reported: boolean;
}

export interface AgencyRanking {
  rows: AgencyRankingRow[];
  /** every agency of the view without a figure for the week, by name */
  notReported: { code: string; name: string }[];
  headcount: number;
  activated: number;
  percent: number | null;
}

/** The ranking of a week's agency tree: top agencies with their subtrees summed, ranked by share of staff activated. */
export function rankAgencies(nodes: readonly AgencyWeekNode[]): AgencyRanking {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const topOf = (node: AgencyWeekNode): AgencyWeekNode => {
    let current = node;
    while (current.parentId !== null && byId.has(current.parentId)) current = byId.get(current.parentId)!;
    return current;
  };
  const groups = new Map<number, AgencyWeekNode[]>();
  for (const node of nodes) {
    const top = topOf(node);
    groups.set(top.id, [...(groups.get(top.id) ?? []), node]);
  }
  const rows = [...groups].map(([topId, members]) => {
    const top = byId.get(topId)!;
    const known = members.filter((m) => m.headcount !== null);
    const headcount = known.length ? known.reduce((s, m) => s + m.headcount!, 0) : null;
    const activated = members.reduce((s, m) => s + m.activated, 0);
    const before = members.reduce((s, m) => s + m.activatedBefore, 0);
    return {
      code: top.code, name: top.name, headcount, activated, percent: percentOf(activated, headcount),
      weekChange: activated - before, subAgencies: members.length - 1, reported: members.every((m) => m.reported),
    };
  });
  const headcount = nodes.reduce((s, n) => s + (n.headcount ?? 0), 0);
  const activated = nodes.reduce((s, n) => s + n.activated, 0);
  return {
    rows: rankRows(rows),
    notReported: nodes.filter((n) => !n.reported).map((n) => ({ code: n.code, name: n.name })).sort((a, b) => compareVietnamese(a.name, b.name)),
    headcount, activated, percent: percentOf(activated, headcount),
  };
}

/** A figure an agency may not save: more staff activated than it has. */
export function exceedsHeadcount(activated: number, headcount: number | null): boolean {
  return headcount !== null && activated > headcount;
}

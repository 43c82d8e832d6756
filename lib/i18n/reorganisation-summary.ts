// A reorganisation's summary (lib/domain/reorganisation-plan.ts) in the catalogue's words,
// line by line: what ends, what starts and what maps where. Printed by the command line and
// shown under the reorganisation page's answer. A line that begins with two spaces belongs to
// the line above it (a unit without successor, a new province).
import { formatNumber } from "@/lib/domain/format";
import type { ReorganisationSummary } from "@/lib/domain/reorganisation-plan";
import { m } from "./message";

const n = (value: number) => formatNumber(value);

/** The summary's lines, in the catalogue's words. */
export function summaryLines(summary: ReorganisationSummary): string[] {
  const k = "admin.reorganisation.summary";
  return [
    m(`${k}.title`, { date: summary.date }),
    m(`${k}.counts`, { ending: n(summary.ending), starting: n(summary.starting), continuing: n(summary.continuing) }),
    m(`${k}.successions`, { full: n(summary.successions.full), partial: n(summary.successions.partial), withShare: n(summary.successions.partialWithShare) }),
    m(`${k}.districtsAbolished`, { count: n(summary.districtsAbolished) }),
    m(`${k}.notInDatabase`, { count: n(summary.notInDatabase) }),
    m(`${k}.noSuccessor`, { count: n(summary.noSuccessor.count) }),
    ...summary.noSuccessor.units.map((u) => `  ${u.code} ${u.name}`),
    ...(summary.noSuccessor.count > summary.noSuccessor.units.length ? [`  ${m(`${k}.moreNames`, { count: n(summary.noSuccessor.count - summary.noSuccessor.units.length) })}`] : []),
    m(`${k}.provinces`),
    ...summary.provinces.map((p) => `  ${m(`${k}.province`, {
      code: p.code, name: p.name, state: m(p.continues ? `${k}.continues` : `${k}.starts`), units: n(p.units), predecessors: n(p.predecessors), oldProvinces: p.oldProvinces.join(", ") || "—",
    })}`),
    ...(summary.alreadyLoaded?.length ? [m(`${k}.alreadyLoaded`), ...summary.alreadyLoaded.map((p) => `  ${p.code} ${p.name}`)] : []),
  ];
}

"use client";
// How to read a table the import did not recognise (issue 25): the user picks the header row,
// the unit column, each metric's column and the kind; the rows' units are matched as the
// server matches them (by code, by name without diacritics), total rows are passed over, and
// each name that matches no unit or several is listed with a choice. The mapping is sent with
// the next check and, when asked, remembered with the write.
import { DayInput } from "@/components/forms/date-input";
import type { TableAnalysisDTO } from "@/lib/data/import-table";
import { formatDay } from "@/lib/domain/format";
import { columnName, isTotalLabel, matchUnit, unitNameKey } from "@/lib/domain/wide-table";
import { fill } from "@/lib/i18n/fill";
import type { TableMapping } from "@/lib/validation/table-mapping";

export type TableMappingText = Record<"heading" | "intro" | "headerRow" | "unitColumn" | "metricColumn" | "none" | "column" | "kind" | "kindDaily" | "kindCumulative"
  | "matched" | "day" | "noDay" | "resolve" | "ambiguous" | "unknown" | "skip" | "choose" | "totals" | "remember", string>;

/** Rows offered as the header: a title and a date or two stand above it. */
const HEADER_CHOICES = 20;
const SKIP = "skip";
/** full width of its column, never wider: an option as long as a header row must not widen the page */
const SELECT = "w-full min-w-0 rounded border border-slate-300 px-2 py-1";

export function TableMappingForm({ analysis, mapping, onChange, remember, onRemember, day, onDay, text }: {
  analysis: TableAnalysisDTO;
  mapping: TableMapping;
  onChange: (mapping: TableMapping) => void;
  remember: boolean;
  onRemember: (remember: boolean) => void;
  day: string;
  onDay: (day: string) => void;
  text: TableMappingText;
}) {
  const header = analysis.rows.find((r) => r.row === mapping.headerRow)?.cells ?? [];
  const columnLabel = (column: number) => fill(text.column, { letter: columnName(column), header: header[column] ?? "" });
  const below = analysis.rows.filter((r) => r.row > mapping.headerRow && (r.cells[mapping.unitColumn] ?? "").trim() !== "");
  const totals = below.filter((r) => isTotalLabel(r.cells[mapping.unitColumn]));
  const unitRows = below.filter((r) => !isTotalLabel(r.cells[mapping.unitColumn]));
  const matches = unitRows.map((r) => {
    const label = r.cells[mapping.unitColumn].trim();
    const key = unitNameKey(label);
    const chosen = mapping.names[key] ?? (mapping.skip.includes(key) ? SKIP : null);
    return { row: r.row, label, key, chosen, match: matchUnit(label, analysis.units) };
  });
  const unresolved = matches.filter((m) => m.match === null || "candidates" in m.match);
  const matched = matches.filter((m) => m.chosen !== null || (m.match !== null && "code" in m.match)).length;

  const setColumn = (metric: string, value: string) => {
    const columns = mapping.columns.filter((c) => c.metric !== metric && String(c.column) !== value);
    onChange({ ...mapping, columns: value === "" ? columns : [...columns, { column: Number(value), metric }] });
  };
  const choose = (key: string, value: string) => {
    const names = { ...mapping.names };
    delete names[key];
    const skip = mapping.skip.filter((k) => k !== key);
    if (value === SKIP) skip.push(key);
    else if (value !== "") names[key] = value;
    onChange({ ...mapping, names, skip });
  };

  return (
    <section className="space-y-3 rounded border border-amber-300 bg-amber-50 p-3" aria-labelledby="table-mapping-heading">
      <h2 id="table-mapping-heading" className="font-semibold">{text.heading}</h2>
      <p>{text.intro}</p>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="flex min-w-0 flex-col gap-1">{text.headerRow}
          <select className={SELECT} value={mapping.headerRow} onChange={(e) => onChange({ ...mapping, headerRow: Number(e.target.value), columns: [] })}>
            {analysis.rows.slice(0, HEADER_CHOICES).map((r) => <option key={r.row} value={r.row}>{`${r.row}: ${r.cells.filter((c) => c.trim()).join(" | ").slice(0, 80)}`}</option>)}
          </select>
        </label>
        <label className="flex min-w-0 flex-col gap-1">{text.unitColumn}
          <select className={SELECT} value={mapping.unitColumn} onChange={(e) => onChange({ ...mapping, unitColumn: Number(e.target.value) })}>
            {header.map((_, column) => <option key={column} value={column}>{columnLabel(column)}</option>)}
          </select>
        </label>
        {analysis.metrics.map((metric) => (
          <label key={metric.code} className="flex min-w-0 flex-col gap-1">{fill(text.metricColumn, { metric: metric.name })}
            <select className={SELECT} value={String(mapping.columns.find((c) => c.metric === metric.code)?.column ?? "")} onChange={(e) => setColumn(metric.code, e.target.value)}>
              <option value="">{text.none}</option>
              {header.map((_, column) => column === mapping.unitColumn ? null : <option key={column} value={column}>{columnLabel(column)}</option>)}
            </select>
          </label>
        ))}
      </div>
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="mb-1">{text.kind}</legend>
        {(["daily", "cumulative"] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-1">
            <input type="radio" name="table-kind" checked={mapping.kind === kind} onChange={() => onChange({ ...mapping, kind })} />
            {kind === "daily" ? text.kindDaily : text.kindCumulative}
          </label>
        ))}
      </fieldset>
      {analysis.day ? <p>{fill(text.day, { date: formatDay(analysis.day) })}</p> : (
        <label className="flex min-w-0 flex-col gap-1">{text.noDay}
          <DayInput name="table-day" defaultValue={day} onDay={onDay} />
        </label>
      )}
      <p>{fill(text.matched, { count: matched })}</p>
      {totals.length > 0 && <p>{fill(text.totals, { rows: totals.map((r) => r.row).join(", ") })}</p>}
      {unresolved.length > 0 && (
        <fieldset className="space-y-2">
          <legend className="font-semibold">{text.resolve}</legend>
          {unresolved.map((m) => {
            const candidates = m.match && "candidates" in m.match ? m.match.candidates : analysis.units;
            return (
              <label key={m.row} className="flex min-w-0 flex-col gap-1">
                {fill(m.match ? text.ambiguous : text.unknown, { row: m.row, label: m.label })}
                <select className={SELECT} value={m.chosen ?? ""} onChange={(e) => choose(m.key, e.target.value)}>
                  <option value="">{text.choose}</option>
                  <option value={SKIP}>{text.skip}</option>
                  {candidates.map((u) => <option key={u.code} value={u.code}>{`${u.name} (${u.code})`}</option>)}
                </select>
              </label>
            );
          })}
        </fieldset>
      )}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={remember} onChange={(e) => onRemember(e.target.checked)} />
        {text.remember}
      </label>
    </section>
  );
}

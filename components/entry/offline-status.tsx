// Above the entry grid (issue 23): no network, the saves waiting to be sent per day and commune,
// drafts brought back from the device, and what became of saves of other grids sent meanwhile.
import { formatDay } from "@/lib/domain/format";
import { pendingByDay, type QueuedSave } from "@/lib/domain/offline-queue";
import { fill } from "@/lib/i18n/fill";
import type { OtherGridAnswer } from "./use-offline-entry";

export type OfflineText = Record<"offline" | "pendingSaves" | "pendingDay" | "restored" | "dropped" | "sentOther" | "refusedOther", string>;

export function OfflineStatus({ online, queue, others, restored, unitNames, text }: {
  online: boolean;
  queue: QueuedSave[];
  others: OtherGridAnswer[];
  restored: { restored: number; dropped: number } | null;
  unitNames: Record<string, string>;
  text: OfflineText;
}) {
  const days = queue.length ? pendingByDay(queue, queue[0].owner) : [];
  if (online && !days.length && !others.length && !restored?.restored && !restored?.dropped) return null;
  return (
    // a polite live region, not a second role="status": the save bar's status stays the one answer to a save
    <div aria-live="polite" className="space-y-1 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950" data-testid="offline-status">
      {!online && <p className="font-semibold">{text.offline}</p>}
      {days.length > 0 && (
        <div data-testid="offline-queue">
          <p className="font-semibold">{fill(text.pendingSaves, { count: queue.length })}</p>
          <ul className="list-inside list-disc">
            {days.map((day) => (
              <li key={day.date}>{fill(text.pendingDay, { date: formatDay(day.date), units: day.units.map((code) => unitNames[code] ?? code).join(", ") })}</li>
            ))}
          </ul>
        </div>
      )}
      {!!restored?.restored && <p>{fill(text.restored, { count: restored.restored })}</p>}
      {!!restored?.dropped && <p>{fill(text.dropped, { count: restored.dropped })}</p>}
      {others.map((o) => (
        <p key={o.key}>
          {o.written !== null
            ? fill(text.sentOther, { date: formatDay(o.grid.date), count: o.written })
            : <a className="text-brand-700 underline" href={`/entry?${new URLSearchParams({ date: o.grid.date, ...(o.grid.scopeCode ? { unit: o.grid.scopeCode } : {}), page: String(o.grid.page) })}`}>
              {fill(text.refusedOther, { date: formatDay(o.grid.date) })}
            </a>}
        </p>
      ))}
    </div>
  );
}

import type { AuditEventDTO } from "@/lib/data/audit-log";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatDateTime } from "@/lib/domain/format";
import { auditSubject, auditValue, type AuditNames } from "@/lib/domain/audit-format";
import { getLocale, getTranslator } from "@/lib/i18n/server";

/** Audit events as a table: who, when, what, old value, new value, why. */
export async function AuditTable({ events, names, caption }: { events: AuditEventDTO[]; names: AuditNames; caption: string }) {
  const t = await getTranslator("entry");
  const locale = await getLocale();
  const words = {
    field: (key: string) => {
      const k = `audit.fields.${key}` as "audit.fields.address";
      return t.has(k) ? t(k) : key;
    },
    yes: t("audit.table.yes"),
    no: t("audit.table.no"),
    figure: (values: { daily: string; cumulative: string }) => t("audit.table.figure", values),
  };
  // An action's name in the reader's language; a code the catalogue does not know yet shows as is.
  const actionName = (action: string) => {
    const key = `audit.actionNames.${action}` as "audit.actionNames.figure.create";
    return t.has(key) ? t(key) : action;
  };
  if (events.length === 0) return <p className="rounded-md border border-slate-200 bg-white p-3 text-sm">{t("audit.table.empty")}</p>;
  return (
    <ScrollRegion label={caption} className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-2 py-2">{t("audit.table.when")}</th>
            <th scope="col" className="px-2 py-2">{t("audit.table.who")}</th>
            <th scope="col" className="px-2 py-2">{t("audit.table.action")}</th>
            <th scope="col" className="px-2 py-2">{t("audit.table.entity")}</th>
            <th scope="col" className="px-2 py-2 text-right">{t("audit.table.old")}</th>
            <th scope="col" className="px-2 py-2 text-right">{t("audit.table.new")}</th>
            <th scope="col" className="px-2 py-2">{t("audit.table.reason")}</th>
          </tr>
        </thead>
        <tbody className="tabular">
          {events.map((e) => (
            <tr key={e.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-2 py-1.5">{formatDateTime(e.at)}</td>
              <td className="px-2 py-1.5">{e.user ?? t("audit.table.system")}</td>
              <td className="px-2 py-1.5" title={e.action}>{actionName(e.action)}</td>
              <td className="px-2 py-1.5" title={e.entityKey ?? undefined}>{auditSubject(e.entityKey, names)}</td>
              <td className="px-2 py-1.5 text-right">{auditValue(e.oldValue, names, words, locale)}</td>
              <td className="px-2 py-1.5 text-right">{auditValue(e.newValue, names, words, locale)}</td>
              <td className="px-2 py-1.5">{e.reason ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

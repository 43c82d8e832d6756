// The accounts whose unit has ended (issue 20): each with its old unit, last day and
// successors, and a one-step move where the unit went whole into exactly one successor.
import { ActionForm } from "@/components/forms/action-form";
import { CARD, TD, TH } from "@/components/forms/styles";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Link } from "@/components/ui/link";
import type { AccountOnEndedUnitDTO } from "@/lib/data/users";
import type { Role } from "@/lib/auth/permissions";
import { formatDay } from "@/lib/domain/format";
import { getTranslator } from "@/lib/i18n/server";
import { moveUserToSuccessorAction } from "./actions";

export async function AccountsOnEndedUnits({ accounts, roleLabels }: { accounts: AccountOnEndedUnitDTO[]; roleLabels: Record<Role, string> }) {
  const t = await getTranslator("users");
  return (
    <section className={CARD} aria-labelledby="ended-units" data-testid="accounts-on-ended-units">
      <h2 id="ended-units" className="text-lg font-semibold">{t("ended.title")}</h2>
      <p className="mb-3 text-sm text-slate-700">{t("ended.description")}</p>
      {accounts.length === 0 ? <p className="text-sm">{t("ended.none")}</p> : (
        <ScrollRegion label={t("ended.caption")} className="rounded-md border border-slate-200">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("ended.caption")}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className={TH}>{t("ended.columns.account")}</th>
                <th scope="col" className={TH}>{t("ended.columns.unit")}</th>
                <th scope="col" className={TH}>{t("ended.columns.lastDay")}</th>
                <th scope="col" className={TH}>{t("ended.columns.successors")}</th>
                <th scope="col" className={TH}>{t("ended.columns.action")}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className="border-t border-slate-100 align-top" data-ended-user={a.username}>
                  <td className={TD}>
                    <Link href={`/admin/users/${a.id}`} className="font-semibold text-brand-700 underline">{a.username}</Link>
                    <span className="block text-xs text-slate-600">{roleLabels[a.role]}</span>
                  </td>
                  <td className={TD}>{a.unit.name} ({a.unit.code})</td>
                  <td className={`${TD} tabular`}>{formatDay(a.unit.lastDay)}</td>
                  <td className={TD}>
                    {a.successors.length === 0 ? t("ended.noSuccessor") : a.successors.map((s) => `${s.name} (${s.code}${s.part === "partial" ? `, ${t("ended.partial")}` : ""})`).join("; ")}
                  </td>
                  <td className={TD}>
                    {a.moveTo ? (
                      <ActionForm action={moveUserToSuccessorAction} submitLabel={t("move.submit", { unit: `${a.moveTo.name} (${a.moveTo.code})` })}>
                        <input type="hidden" name="userId" value={a.id} />
                      </ActionForm>
                    ) : <span className="text-slate-700">{t("ended.chooseManually")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

// The accounts whose unit has ended (issue 20): each with its old unit, last day and
// successors, and a one-step move where the unit went whole into exactly one successor.
import { CARD } from "@/components/forms/styles";
import type { AccountOnEndedUnitDTO } from "@/lib/data/users";
import type { Role } from "@/lib/auth/permissions";
import { formatDay } from "@/lib/domain/format";
import { getTranslator } from "@/lib/i18n/server";
import { moveUserToSuccessorAction } from "./actions";
import { EndedUnitsTable } from "./ended-units-table";

export async function AccountsOnEndedUnits({ accounts, roleLabels }: { accounts: AccountOnEndedUnitDTO[]; roleLabels: Record<Role, string> }) {
  const t = await getTranslator("users");
  const rows = accounts.map((a) => ({
    id: a.id,
    username: a.username,
    role: roleLabels[a.role],
    unit: `${a.unit.name} (${a.unit.code})`,
    lastDay: formatDay(a.unit.lastDay),
    successors: a.successors.length === 0 ? t("ended.noSuccessor") : a.successors.map((s) => `${s.name} (${s.code}${s.part === "partial" ? `, ${t("ended.partial")}` : ""})`).join("; "),
    move: a.moveTo ? t("move.submit", { unit: `${a.moveTo.name} (${a.moveTo.code})` }) : null,
    manual: t("ended.chooseManually"),
  }));
  return (
    <section className={CARD} aria-labelledby="ended-units" data-testid="accounts-on-ended-units">
      <h2 id="ended-units" className="text-lg font-semibold">{t("ended.title")}</h2>
      <p className="mb-3 text-sm text-slate-700">{t("ended.description")}</p>
      <EndedUnitsTable action={moveUserToSuccessorAction} rows={rows} caption={t("ended.caption")} none={t("ended.none")}
        columns={{ account: t("ended.columns.account"), unit: t("ended.columns.unit"), lastDay: t("ended.columns.lastDay"), successors: t("ended.columns.successors"), action: t("ended.columns.action") }} />
    </section>
  );
}

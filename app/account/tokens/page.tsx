import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT, TD, TH } from "@/components/forms/styles";
import { requireUser } from "@/lib/auth/session";
import { listApiTokens, TOKEN_LIFETIME_DAYS, type ApiTokenDTO } from "@/lib/data/api-tokens";
import { AppError, userText } from "@/lib/data/errors";
import { formatDateTime } from "@/lib/domain/format";
import { getTranslator, inRequestLocale } from "@/lib/i18n/server";
import { usernameSchema } from "@/lib/validation/accounts";
import { issueTokenAction, revokeTokenAction } from "./actions";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Problem } from "@/components/ui/problem";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("account");
  return { title: t("tokens.title") };
}

export default async function TokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const admin = user.may.administer;
  const requested = usernameSchema.safeParse((await searchParams).user);
  const owner = admin && requested.success ? requested.data : user.username;
  const t = await getTranslator("account");
  let tokens: ApiTokenDTO[] = [];
  let problem: string | null = null;
  const now = new Date().toISOString();
  try {
    // in the request's language: the data layer words its refusals (an unknown user) itself
    tokens = await inRequestLocale(() => listApiTokens(user, owner));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = await inRequestLocale(async () => userText(error));
  }
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-3 py-4 sm:px-4">
      <Link href={admin ? "/admin/users" : "/dashboard"} className="text-sm text-brand-700 underline">← {admin ? t("tokens.backToAdmin") : t("tokens.backToDashboard")}</Link>
      <h1 className="text-2xl font-semibold">{owner !== user.username ? t("tokens.titleFor", { username: owner }) : t("tokens.title")}</h1>
      <p className="text-sm text-slate-700">
        {t.rich("tokens.intro", { code: (chunks) => <code>{chunks}</code> })}
      </p>
      {admin && (
        <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
          <label className={FIELD}>{t("tokens.viewUser")}<input name="user" defaultValue={owner} className={INPUT} /></label>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">{t("tokens.view")}</button>
        </form>
      )}
      {problem ? <Problem>{problem}</Problem> : (
        <ScrollRegion label={t("tokens.caption")} className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("tokens.caption")}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className={TH}>{t("tokens.columns.name")}</th>
                <th scope="col" className={TH}>{t("tokens.columns.prefix")}</th>
                <th scope="col" className={TH}>{t("tokens.columns.createdAt")}</th>
                <th scope="col" className={TH}>{t("tokens.columns.lastUsedAt")}</th>
                <th scope="col" className={TH}>{t("tokens.columns.expiresAt")}</th>
                <th scope="col" className={TH}>{t("tokens.columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className="border-t border-slate-100" data-token={token.name}>
                  <td className={TD}>{token.name}</td>
                  <td className={`${TD} font-mono`}>{token.prefix}…</td>
                  <td className={`${TD} tabular`}>{formatDateTime(token.createdAt)}</td>
                  <td className={`${TD} tabular`}>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("tokens.neverUsed")}</td>
                  <td className={`${TD} tabular`}>{formatDateTime(token.expiresAt)}</td>
                  <td className={TD}>
                    {token.revokedAt ? (
                      token.revokeReason && token.revokeReason !== "owner"
                        ? t(`tokens.revokedBecause.${token.revokeReason}`, { time: formatDateTime(token.revokedAt) })
                        : t("tokens.revokedAt", { time: formatDateTime(token.revokedAt) })
                    ) : token.expiresAt <= now ? t("tokens.expired") : (
                      <ActionForm action={revokeTokenAction} submitLabel={t("tokens.revoke")} tone="danger">
                        <input type="hidden" name="tokenId" value={token.id} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {tokens.length === 0 && <p className="p-3 text-sm text-slate-600">{t("tokens.empty")}</p>}
        </ScrollRegion>
      )}
      {!problem && (
        <section className={CARD} aria-labelledby="new-token">
          <h2 id="new-token" className="mb-2 text-lg font-semibold">{t("tokens.create.title")}</h2>
          <ActionForm action={issueTokenAction} submitLabel={t("tokens.create.submit")} labels={{ name: t("tokens.create.nameLabel"), username: t("tokens.create.userLabel"), lifetimeDays: t("tokens.create.lifetimeLabel") }}
            shownOnceNote={t("tokens.create.shownOnce")}>
            <input type="hidden" name="username" value={owner === user.username ? "" : owner} />
            <label className={`${FIELD} max-w-sm`} htmlFor="token-name">{t("tokens.create.nameInput")}<input id="token-name" name="name" className={INPUT} /></label>
            <label className={`${FIELD} max-w-sm`} htmlFor="token-lifetime">{t("tokens.create.lifetimeInput")}
              <select id="token-lifetime" name="lifetimeDays" defaultValue={TOKEN_LIFETIME_DAYS.default} className={INPUT}>
                {TOKEN_LIFETIME_DAYS.choices.map((days) => <option key={days} value={days}>{t("tokens.create.lifetimeDays", { days })}</option>)}
              </select>
            </label>
          </ActionForm>
        </section>
      )}
    </main>
  );
}

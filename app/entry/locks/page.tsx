import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { listPeriodLocks } from "@/lib/data/period-locks";
import { formatDay } from "@/lib/domain/format";
import { getClientMessages, getTranslator } from "@/lib/i18n/server";
import { LockForm } from "./lock-form";
import { Problem } from "@/components/ui/problem";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("entry"))("locks.title") };
}

export default async function LocksPage() {
  const user = await requireUser();
  const t = await getTranslator("entry");
  if (!user.may.administer) return <Problem page>{(await getTranslator("errors"))("code.FORBIDDEN")}</Problem>;
  const locks = await listPeriodLocks(user);
  const { unitCode, untilDate, reason, submit } = (await getClientMessages("entry")).locks;
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-3 py-4 sm:px-4">
      <Link href="/dashboard" className="text-sm text-brand-700 underline">{t("backToOverview")}</Link>
      <h1 className="text-2xl font-semibold">{t("locks.heading")}</h1>
      <LockForm text={{ unitCode, untilDate, reason, submit }} />
      <ul className="space-y-1 text-sm">
        {locks.map((l) => <li key={l.id}>{t("locks.item", { unit: l.unitName, code: l.unitCode, date: formatDay(l.until), reason: l.reason })}</li>)}
      </ul>
    </main>
  );
}

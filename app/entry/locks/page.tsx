import type { Metadata } from "next";
import Link from "next/link";
import { canAdminister } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { ERROR_MESSAGES } from "@/lib/data/daily-messages";
import { listPeriodLocks } from "@/lib/data/period-locks";
import { formatDay } from "@/lib/domain/format";
import { LockForm } from "./lock-form";

export const metadata: Metadata = { title: "Khóa sổ" };

export default async function LocksPage() {
  const user = await requireUser();
  if (!canAdminister(user)) return <main className="mx-auto max-w-3xl p-4"><p role="alert">{ERROR_MESSAGES.FORBIDDEN}</p></main>;
  const locks = await listPeriodLocks(user);
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-3 py-4 sm:px-4">
      <Link href="/dashboard" className="text-sm text-brand-700 underline">← Tổng quan</Link>
      <h1 className="text-2xl font-semibold">Khóa sổ số liệu</h1>
      <LockForm />
      <ul className="space-y-1 text-sm">
        {locks.map((l) => <li key={l.id}>{l.unitName} ({l.unitCode}): đến hết {formatDay(l.until)} · {l.reason}</li>)}
      </ul>
    </main>
  );
}

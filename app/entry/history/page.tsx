import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listFigureHistory } from "@/lib/data/audit-log";
import { AppError } from "@/lib/data/errors";
import { formatDay } from "@/lib/domain/format";
import { entryParamsSchema } from "@/lib/validation/daily-entry-params";
import { AuditTable } from "@/app/audit/audit-table";

export const metadata: Metadata = { title: "Lịch sử số liệu" };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = entryParamsSchema.parse(await searchParams);
  if (!params.unit) notFound();
  let events;
  try {
    events = await listFigureHistory(user, params.unit, params.metric);
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
  return (
    <main className="mx-auto max-w-4xl px-3 py-4 sm:px-4">
      <Link href={`/entry${params.date ? `?date=${params.date}` : ""}`} className="text-sm text-brand-700 underline">← Nhập số liệu{params.date ? ` ngày ${formatDay(params.date)}` : ""}</Link>
      <h1 className="my-3 text-2xl font-semibold">Lịch sử số liệu đơn vị {params.unit}</h1>
      <p className="mb-3 text-sm text-slate-600">Mỗi lần nhập hoặc sửa: ai, lúc nào, số cũ, số mới, lý do. Đối tượng ghi theo dạng mã đơn vị:chỉ số:ngày.</p>
      <AuditTable events={events} caption="Lịch sử thay đổi số liệu" />
    </main>
  );
}

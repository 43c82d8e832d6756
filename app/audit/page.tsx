import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { canReadAudit, listAuditEvents } from "@/lib/data/audit-log";
import { ERROR_MESSAGES } from "@/lib/data/daily-messages";
import { auditParamsSchema } from "@/lib/validation/daily-entry-params";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "Nhật ký thay đổi" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const filters = auditParamsSchema.parse(await searchParams);
  if (!canReadAudit(user)) {
    return <main className="mx-auto max-w-3xl p-4"><p role="alert">{ERROR_MESSAGES.FORBIDDEN}</p></main>;
  }
  const { events, hasMore } = await listAuditEvents(user, { unitCode: filters.unit, username: filters.user, from: filters.from, to: filters.to, action: filters.action, page: filters.page });
  const pageLink = (page: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, page })) if (v !== undefined && v !== "") query.set(k, String(v));
    return `/audit?${query}`;
  };
  const field = "flex flex-col text-sm";
  const input = "rounded border border-slate-300 bg-white px-2 py-1";
  return (
    <main className="mx-auto max-w-6xl px-3 py-4 sm:px-4">
      <Link href="/dashboard" className="text-sm text-brand-700 underline">← Tổng quan</Link>
      <h1 className="my-3 text-2xl font-semibold">Nhật ký thay đổi</h1>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className={field}>Mã đơn vị<input name="unit" defaultValue={filters.unit ?? ""} inputMode="numeric" className={`${input} w-28`} /></label>
        <label className={field}>Người dùng<input name="user" defaultValue={filters.user ?? ""} className={`${input} w-32`} /></label>
        <label className={field}>Từ ngày<input type="date" name="from" defaultValue={filters.from ?? ""} className={input} /></label>
        <label className={field}>Đến ngày<input type="date" name="to" defaultValue={filters.to ?? ""} className={input} /></label>
        <label className={field}>Thao tác
          <select name="action" defaultValue={filters.action ?? ""} className={input}>
            <option value="">Tất cả</option>
            <option value="figure">Số liệu</option>
            <option value="lock">Khóa sổ</option>
            <option value="target">Chỉ tiêu</option>
            <option value="login">Đăng nhập</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">Lọc</button>
      </form>
      <AuditTable events={events} caption="Nhật ký thay đổi, mới nhất trước" />
      <nav aria-label="Phân trang" className="mt-3 flex gap-3 text-sm">
        {filters.page > 1 && <Link href={pageLink(filters.page - 1)} className="underline">← Trang trước</Link>}
        <span>Trang {filters.page}</span>
        {hasMore && <Link href={pageLink(filters.page + 1)} className="underline">Trang sau →</Link>}
      </nav>
    </main>
  );
}

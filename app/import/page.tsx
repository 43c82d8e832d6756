import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { canEditFiguresAnywhere } from "@/lib/auth/entry-permissions";
import { ERROR_MESSAGES } from "@/lib/data/daily-messages";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Nhập từ tệp" };

export default async function ImportPage() {
  const user = await requireUser();
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-3 py-4 sm:px-4">
      <Link href="/dashboard" className="text-sm text-brand-700 underline">← Tổng quan</Link>
      <h1 className="text-2xl font-semibold">Nhập số liệu ngày từ tệp CSV hoặc Excel</h1>
      {canEditFiguresAnywhere(user) ? (
        <>
          <p className="text-sm text-slate-700">
            Cột: <code>date,unit_code,metric,value,kind,reason</code> (kind: <code>daily</code> hoặc <code>cumulative</code>).
            Tệp được kiểm tra toàn bộ trước; chỉ ghi khi mọi dòng hợp lệ.
            {user.role !== "admin" && <> <a href="/import/template" className="text-brand-700 underline">Tải tệp mẫu với các đơn vị của bạn</a>.</>}
          </p>
          <ImportForm />
        </>
      ) : <p role="alert">{ERROR_MESSAGES.FORBIDDEN}</p>}
    </main>
  );
}

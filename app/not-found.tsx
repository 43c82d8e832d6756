import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { isRequestId, REQUEST_ID_HEADER } from "@/lib/observability/request-context";

export const metadata: Metadata = { title: "Không tìm thấy trang" };

export default async function NotFound() {
  const requestId = (await headers()).get(REQUEST_ID_HEADER);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Không tìm thấy trang</h1>
        <p className="mt-2 text-sm text-slate-700">Địa chỉ này không có trong hệ thống hoặc đã được đổi.</p>
        {isRequestId(requestId) ? (
          <p className="mt-4 text-xs text-slate-600">
            Mã yêu cầu: <span className="font-mono" data-testid="request-id">{requestId}</span>
          </p>
        ) : null}
        <Link href="/dashboard" className="mt-6 inline-block text-sm font-semibold text-slate-900 underline">
          Về trang tổng quan
        </Link>
      </div>
    </main>
  );
}

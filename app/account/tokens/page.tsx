import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT, TD, TH } from "@/components/forms/styles";
import { canAdminister } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listApiTokens, type ApiTokenDTO } from "@/lib/data/api-tokens";
import { AppError } from "@/lib/data/errors";
import { ERROR_MESSAGES } from "@/lib/data/daily-messages";
import { formatDateTime } from "@/lib/domain/format";
import { usernameSchema } from "@/lib/validation/accounts";
import { issueTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "Mã truy cập API" };

export default async function TokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const admin = canAdminister(user);
  const requested = usernameSchema.safeParse((await searchParams).user);
  const owner = admin && requested.success ? requested.data : user.username;
  let tokens: ApiTokenDTO[] = [];
  let problem: string | null = null;
  try {
    tokens = await listApiTokens(user, owner);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.fieldErrors._form?.[0] ?? ERROR_MESSAGES[error.code];
  }
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-3 py-4 sm:px-4">
      <Link href={admin ? "/admin/users" : "/dashboard"} className="text-sm text-brand-700 underline">← {admin ? "Quản trị" : "Tổng quan"}</Link>
      <h1 className="text-2xl font-semibold">Mã truy cập API{owner !== user.username ? ` của ${owner}` : ""}</h1>
      <p className="text-sm text-slate-700">
        Dùng cho phần mềm gửi số liệu qua <code>/api/v1</code> (tiêu đề <code>Authorization: Bearer …</code>). Mã mang đúng vai trò và phạm vi của người dùng,
        chỉ hiện một lần khi tạo, và ngừng hoạt động ngay khi bị thu hồi hoặc khi tài khoản bị khóa.
      </p>
      {admin && (
        <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
          <label className={FIELD}>Xem mã của người dùng<input name="user" defaultValue={owner} className={INPUT} /></label>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">Xem</button>
        </form>
      )}
      {problem ? <p role="alert" className="text-red-700">{problem}</p> : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Các mã truy cập</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className={TH}>Tên</th>
                <th scope="col" className={TH}>Mã (đầu)</th>
                <th scope="col" className={TH}>Tạo lúc</th>
                <th scope="col" className={TH}>Dùng gần nhất</th>
                <th scope="col" className={TH}>Trạng thái</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-t border-slate-100" data-token={t.name}>
                  <td className={TD}>{t.name}</td>
                  <td className={`${TD} font-mono`}>{t.prefix}…</td>
                  <td className={`${TD} tabular`}>{formatDateTime(t.createdAt)}</td>
                  <td className={`${TD} tabular`}>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Chưa dùng"}</td>
                  <td className={TD}>
                    {t.revokedAt ? `Đã thu hồi ${formatDateTime(t.revokedAt)}` : (
                      <ActionForm action={revokeTokenAction} submitLabel="Thu hồi" tone="danger">
                        <input type="hidden" name="tokenId" value={t.id} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {tokens.length === 0 && <p className="p-3 text-sm text-slate-600">Chưa có mã nào.</p>}
        </div>
      )}
      {!problem && (
        <section className={CARD} aria-labelledby="new-token">
          <h2 id="new-token" className="mb-2 text-lg font-semibold">Tạo mã mới</h2>
          <ActionForm action={issueTokenAction} submitLabel="Tạo mã" labels={{ name: "Tên gợi nhớ", username: "Người dùng" }}
            shownOnceNote="Mã truy cập, chỉ hiện một lần: hãy sao chép và cất giữ an toàn.">
            <input type="hidden" name="username" value={owner === user.username ? "" : owner} />
            <label className={`${FIELD} max-w-sm`} htmlFor="token-name">Tên gợi nhớ (ví dụ: phần mềm tổng hợp huyện)<input id="token-name" name="name" className={INPUT} /></label>
          </ActionForm>
        </section>
      )}
    </main>
  );
}

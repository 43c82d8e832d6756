import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT, TD, TH } from "@/components/forms/styles";
import { requireAdminForPage } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { getUnitTree, searchUnits, type UnitAdminDTO, type UnitTreeDTO } from "@/lib/data/units-admin";
import { formatDay } from "@/lib/domain/format";
import { todayInVietnam } from "@/lib/domain/dates";
import { unitCodeSchema } from "@/lib/validation/import-rows";
import { dissolveUnitAction, importUnitsAction, renameUnitAction } from "./actions";

export const metadata: Metadata = { title: "Đơn vị hành chính" };

function status(u: UnitAdminDTO): string {
  if (!u.dissolvedOn) return "Đang hoạt động";
  return u.mergedInto ? `Sáp nhập vào ${u.mergedInto.name} từ ${formatDay(u.dissolvedOn)}` : `Giải thể từ ${formatDay(u.dissolvedOn)}`;
}

function UnitTable({ units, caption }: { units: UnitAdminDTO[]; caption: string }) {
  if (units.length === 0) return <p className="rounded-md border border-slate-200 bg-white p-3 text-sm">Không có đơn vị nào.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={TH}>Mã</th>
            <th scope="col" className={TH}>Tên</th>
            <th scope="col" className={`${TH} hidden sm:table-cell`}>Cấp</th>
            <th scope="col" className={`${TH} text-right`}>Trực thuộc</th>
            <th scope="col" className={TH}>Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.code} className="border-t border-slate-100" data-unit={u.code}>
              <td className={`${TD} tabular`}>{u.code}</td>
              <td className={TD}><Link href={`/admin/units?code=${u.code}`} className="text-brand-700 underline">{u.name}</Link></td>
              <td className={`${TD} hidden sm:table-cell`}>{u.levelName}</td>
              <td className={`${TD} tabular text-right`}>{u.childCount}</td>
              <td className={TD}>{status(u)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function UnitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireAdminForPage();
  if (!user) return null;
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const code = unitCodeSchema.safeParse(params.code);
  let tree: UnitTreeDTO;
  try {
    tree = await getUnitTree(user, code.success ? code.data : undefined);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const results = q ? await searchUnits(user, q) : null;
  const unit = tree.unit;
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">Đơn vị hành chính</h1>
      <form method="get" role="search" className="flex flex-wrap items-end gap-2 text-sm">
        <label className={FIELD} htmlFor="unit-search">Tìm theo tên (gõ có dấu hoặc không) hoặc mã
          <input id="unit-search" name="q" defaultValue={q} placeholder="nui thanh" className={`${INPUT} w-64`} />
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white">Tìm</button>
      </form>
      {results && (
        <section aria-labelledby="results" className="space-y-2">
          <h2 id="results" className="text-lg font-semibold">Kết quả tìm “{q}”: {results.length}</h2>
          <UnitTable units={results} caption={`Đơn vị khớp với ${q}`} />
        </section>
      )}
      <nav aria-label="Vị trí trong cây đơn vị" className="text-sm">
        <Link href="/admin/units" className="text-brand-700 underline">Tất cả</Link>
        {tree.ancestors.map((a) => <span key={a.code}> › <Link href={`/admin/units?code=${a.code}`} className="text-brand-700 underline">{a.name}</Link></span>)}
        {unit && <span> › <strong>{unit.name}</strong></span>}
      </nav>
      {unit && (
        <section className={CARD} aria-labelledby="unit-title">
          <h2 id="unit-title" className="text-lg font-semibold">{unit.name} <span className="font-normal text-slate-600">({unit.code} · {unit.levelName} · {unit.type})</span></h2>
          <p className="mb-3 text-sm">{status(unit)}</p>
          <div className="grid gap-4 md:grid-cols-2">
            <ActionForm action={renameUnitAction} submitLabel="Đổi tên" labels={{ name: "Tên mới", reason: "Lý do" }}>
              <input type="hidden" name="code" value={unit.code} />
              <label className={FIELD} htmlFor="rename-name">Tên mới<input id="rename-name" name="name" defaultValue={unit.name} className={INPUT} /></label>
              <label className={FIELD} htmlFor="rename-reason">Lý do (không bắt buộc)<input id="rename-reason" name="reason" className={INPUT} /></label>
            </ActionForm>
            {!unit.dissolvedOn && (
              <ActionForm action={dissolveUnitAction} submitLabel="Giải thể / sáp nhập" tone="danger" labels={{ date: "Từ ngày", mergedIntoCode: "Sáp nhập vào", reason: "Lý do" }}>
                <input type="hidden" name="code" value={unit.code} />
                <p className="text-slate-600">Đơn vị không còn từ ngày chọn; số liệu các ngày trước vẫn gắn với đơn vị và vẫn được tính khi xem lại.</p>
                <label className={FIELD} htmlFor="dissolve-date">Từ ngày<input id="dissolve-date" name="date" type="date" defaultValue={todayInVietnam()} className={INPUT} /></label>
                <label className={FIELD} htmlFor="dissolve-into">Sáp nhập vào (mã đơn vị cùng cấp; bỏ trống nếu giải thể)<input id="dissolve-into" name="mergedIntoCode" inputMode="numeric" className={INPUT} /></label>
                <label className={FIELD} htmlFor="dissolve-reason">Lý do, căn cứ<input id="dissolve-reason" name="reason" className={INPUT} /></label>
              </ActionForm>
            )}
          </div>
        </section>
      )}
      <section aria-labelledby="children" className="space-y-2">
        <h2 id="children" className="text-lg font-semibold">{unit ? `Đơn vị trực thuộc ${unit.name}` : "Đơn vị cấp cao nhất"}</h2>
        <UnitTable units={tree.children} caption={unit ? `Đơn vị trực thuộc ${unit.name}` : "Đơn vị cấp cao nhất"} />
      </section>
      <section className={CARD} aria-labelledby="import">
        <h2 id="import" className="mb-2 text-lg font-semibold">Nhập danh mục đơn vị từ tệp</h2>
        <p className="mb-2 text-sm text-slate-600">CSV (hoặc .xlsx) cột <code>code,name,type,parent_code,level</code>, như danh mục của Tổng cục Thống kê. Có lỗi ở bất kỳ dòng nào thì không ghi gì.</p>
        <ActionForm action={importUnitsAction} submitLabel="Nhập tệp" labels={{ file: "Tệp" }}>
          <label className={FIELD} htmlFor="units-file">Tệp danh mục<input id="units-file" name="file" type="file" accept=".csv,.xlsx,text/csv" className="text-sm" /></label>
          <label className="flex items-center gap-2"><input type="checkbox" name="dryRun" value="1" defaultChecked /> Chỉ kiểm tra, chưa ghi</label>
        </ActionForm>
      </section>
    </main>
  );
}

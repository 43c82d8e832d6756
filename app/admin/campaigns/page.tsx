import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT, TD, TH } from "@/components/forms/styles";
import { requireAdminForPage } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/data/targets-admin";
import { formatDay, formatNumber } from "@/lib/domain/format";
import { createCampaignAction, importTargetsAction } from "./actions";

export const metadata: Metadata = { title: "Đợt và chỉ tiêu" };

export default async function CampaignsPage() {
  const user = await requireAdminForPage();
  if (!user) return null;
  const campaigns = await listCampaigns(user);
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">Đợt cao điểm và chỉ tiêu</h1>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Các đợt</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className={TH}>Mã</th>
              <th scope="col" className={TH}>Tên</th>
              <th scope="col" className={TH}>Thời gian</th>
              <th scope="col" className={TH}>Các mốc</th>
              <th scope="col" className={`${TH} text-right`}>Số chỉ tiêu</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.code} className="border-t border-slate-100" data-campaign={c.code}>
                <td className={TD}><Link href={`/admin/campaigns/${c.code}`} className="font-semibold text-brand-700 underline">{c.code}</Link></td>
                <td className={TD}>{c.name}</td>
                <td className={`${TD} tabular`}>{formatDay(c.startDate)} – {formatDay(c.endDate)}</td>
                <td className={`${TD} tabular`}>{c.dueDates.map(formatDay).join(", ") || "—"}</td>
                <td className={`${TD} tabular text-right`}>{formatNumber(c.targets)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {campaigns.length === 0 && <p className="p-3 text-sm text-slate-600">Chưa có đợt nào.</p>}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <section className={CARD} aria-labelledby="new-campaign">
          <h2 id="new-campaign" className="mb-2 text-lg font-semibold">Tạo đợt</h2>
          <ActionForm action={createCampaignAction} submitLabel="Tạo đợt" labels={{ code: "Mã đợt", name: "Tên", startDate: "Bắt đầu", endDate: "Kết thúc" }}>
            <label className={FIELD} htmlFor="c-code">Mã đợt (chữ thường, số, gạch ngang)<input id="c-code" name="code" placeholder="cao-diem-2023" className={INPUT} /></label>
            <label className={FIELD} htmlFor="c-name">Tên<input id="c-name" name="name" className={INPUT} /></label>
            <label className={FIELD} htmlFor="c-start">Bắt đầu<input id="c-start" name="startDate" type="date" className={INPUT} /></label>
            <label className={FIELD} htmlFor="c-end">Kết thúc<input id="c-end" name="endDate" type="date" className={INPUT} /></label>
          </ActionForm>
        </section>
        <section className={CARD} aria-labelledby="import-targets">
          <h2 id="import-targets" className="mb-2 text-lg font-semibold">Nhập chỉ tiêu từ tệp</h2>
          <p className="mb-2 text-sm text-slate-600">CSV (hoặc .xlsx) cột <code>campaign,unit_code,metric,due_date,target</code>, mỗi dòng một mốc. Có lỗi ở bất kỳ dòng nào thì không ghi gì; sau khi nhập, trang của đợt cảnh báo chỗ tổng chỉ tiêu cấp dưới lệch cấp trên.</p>
          <ActionForm action={importTargetsAction} submitLabel="Nhập tệp" labels={{ file: "Tệp" }}>
            <label className={FIELD} htmlFor="targets-file">Tệp chỉ tiêu<input id="targets-file" name="file" type="file" accept=".csv,.xlsx,text/csv" className="text-sm" /></label>
            <label className="flex items-center gap-2"><input type="checkbox" name="dryRun" value="1" defaultChecked /> Chỉ kiểm tra, chưa ghi</label>
          </ActionForm>
        </section>
      </div>
    </main>
  );
}

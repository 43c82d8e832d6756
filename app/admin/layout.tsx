import Link from "next/link";
import { canAdminister } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { ERROR_MESSAGES } from "@/lib/i18n/error-messages";

// Convenience only: every page and action below checks again in the data layer, and layouts
// do not re-run on client-side navigation.
const LINKS = [
  { href: "/admin/users", label: "Người dùng" },
  { href: "/admin/units", label: "Đơn vị" },
  { href: "/admin/campaigns", label: "Đợt và chỉ tiêu" },
  { href: "/entry/locks", label: "Khóa sổ" },
  { href: "/audit", label: "Nhật ký" },
  { href: "/account/tokens", label: "Mã truy cập API" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  if (!canAdminister(user)) return <main className="mx-auto max-w-3xl p-4"><p role="alert">{ERROR_MESSAGES.FORBIDDEN}</p></main>;
  return (
    <div className="mx-auto max-w-6xl px-3 py-4 sm:px-4">
      <header className="mb-4 space-y-2">
        <Link href="/dashboard" className="text-sm text-brand-700 underline">← Tổng quan</Link>
        <nav aria-label="Quản trị" className="flex flex-wrap gap-x-4 gap-y-1 border-b border-slate-200 pb-2 text-sm font-semibold">
          {LINKS.map((l) => <Link key={l.href} href={l.href} className="text-brand-700 hover:underline">{l.label}</Link>)}
        </nav>
      </header>
      {children}
    </div>
  );
}

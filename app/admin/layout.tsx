import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";
import { Problem } from "@/components/ui/problem";

// Convenience only: every page and action below checks again in the data layer, and layouts
// do not re-run on client-side navigation.
const LINKS = [
  { href: "/admin/users", label: "users" },
  { href: "/admin/units", label: "units" },
  { href: "/admin/campaigns", label: "campaigns" },
  { href: "/entry/locks", label: "locks" },
  { href: "/audit", label: "audit" },
  { href: "/account/tokens", label: "tokens" },
] as const;

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  if (!user.may.administer) {
    const errors = await getTranslator("errors");
    return <Problem page>{errors("code.FORBIDDEN")}</Problem>;
  }
  const t = await getTranslator("admin");
  return (
    <div className="mx-auto max-w-6xl px-3 py-4 sm:px-4">
      <header className="mb-4 space-y-2">
        <Link href="/dashboard" className="text-sm text-brand-700 underline">{t("layout.back")}</Link>
        <nav aria-label={t("layout.navLabel")} className="flex flex-wrap gap-x-4 gap-y-1 border-b border-slate-200 pb-2 text-sm font-semibold">
          {LINKS.map((l) => <Link key={l.href} href={l.href} className="text-brand-700 hover:underline">{t(`layout.links.${l.label}`)}</Link>)}
        </nav>
      </header>
      {children}
    </div>
  );
}

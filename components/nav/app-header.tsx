import { Link } from "@/components/ui/link";
import type { SessionUserDTO } from "@/lib/data/sessions";
import { navLinksFor } from "./nav-links";
import { NavMenu } from "./nav-menu";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { SignOutButton } from "./sign-out-button";
import { getClientMessages, getTranslator } from "@/lib/i18n/server";

/** The header of every signed-in page: product name, navigation, user, sign-out. */
export async function AppHeader({ user }: { user: SessionUserDTO }) {
  const [t, tc, common] = await Promise.all([getTranslator("nav"), getTranslator("common"), getClientMessages("common")]);
  const links = navLinksFor(user).map(({ href, label }) => ({ href, label: t(`links.${label}`) }));
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 sm:px-4">
        <Link href="/dashboard" className="flex items-center gap-2 font-semibold text-brand-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
          <span aria-hidden="true" className="inline-flex h-7 w-7 items-center justify-center rounded bg-brand-700 text-xs font-bold text-white">06</span>
          <span className="text-sm sm:text-base">{tc("productName")}</span>
        </Link>
        <NavMenu links={links} label={t("mainNavigation")} menuLabel={t("menu")} {...(user.may.enterFigures ? { mainTask: "/entry" } : user.may.agencyFocalPoint ? { mainTask: "/agencies/entry" } : {})} />
        <div className="ml-auto flex items-center gap-2 text-sm text-slate-600">
          <span className="hidden max-w-48 truncate sm:inline" title={user.displayName}>
            {user.displayName} <span className="text-slate-500">· {t(`roles.${user.role}`)}</span>
          </span>
          <LocaleSwitcher />
          <SignOutButton label={tc("signOut")} confirmUnsent={common.offline.signOutUnsent} />
        </div>
      </div>
    </header>
  );
}

"use client";
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";

/** The main navigation; the current page is marked for screen readers and by an underline. */
export function NavMenu({ links, label }: { links: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  const current = links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="order-last w-full overflow-x-auto sm:order-none sm:w-auto">
      <ul className="flex gap-1 whitespace-nowrap text-sm">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.href === current ? "page" : undefined}
              className={`block rounded px-2 py-1.5 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${
                link.href === current ? "font-semibold text-brand-700 underline decoration-2 underline-offset-4" : "text-slate-700"
              }`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

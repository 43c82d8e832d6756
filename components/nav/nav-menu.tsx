"use client";
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useRef, useState } from "react";

/**
 * The main navigation; the current page is marked for screen readers and by an underline.
 * On a phone every link is behind one menu button (a row that scrolled sideways hid the
 * sixth link, "Nhập số liệu", off the screen); the list closes on Escape and on navigation.
 * The user's main task (`mainTask`, a link's href) also sits beside the button on a phone.
 */
export function NavMenu({ links, label, menuLabel, mainTask }: { links: { href: string; label: string }[]; label: string; menuLabel: string; mainTask?: string }) {
  const pathname = usePathname();
  // Open on the page it was opened on: navigating elsewhere closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  const button = useRef<HTMLButtonElement>(null);
  const current = links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const currentLabel = links.find((link) => link.href === current)?.label;
  const task = links.find((link) => link.href === mainTask && link.href !== current);
  return (
    <nav aria-label={label} className="order-last w-full sm:order-none sm:w-auto"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}>
      <div className="flex gap-2 sm:hidden">
      <button ref={button} type="button" aria-expanded={open} aria-controls="main-nav-list" onClick={() => setOpen(!open)}
        className="flex min-w-0 flex-1 items-center justify-between rounded border border-slate-300 px-3 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
        <span><span aria-hidden="true">☰ </span>{menuLabel}{currentLabel && <span className="text-slate-600"> · {currentLabel}</span>}</span>
        <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      {task && (
        <Link href={task.href} className="shrink-0 rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2">
          {task.label}
        </Link>
      )}
      </div>
      <ul id="main-nav-list" className={`${open ? "flex" : "hidden"} mt-1 flex-col gap-1 text-sm sm:mt-0 sm:flex sm:flex-row sm:flex-wrap`}>
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.href === current ? "page" : undefined}
              onClick={() => setOpen(false)}
              className={`block rounded px-2 py-2 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 sm:py-1.5 ${
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

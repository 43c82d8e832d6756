"use client";
// The few words every page's shared client components need (a form's "working…", the error
// page), in the request's language: the root layout puts them here once, from the catalogue
// (nav.client), so those components carry no text of their own and no message formatter.
import { createContext, useContext, type ReactNode } from "react";
import type { Messages } from "@/lib/i18n/messages";

export type ClientText = Messages["nav"]["client"];

const Context = createContext<ClientText | null>(null);

export function ClientTextProvider({ value, children }: { value: ClientText; children: ReactNode }) {
  return <Context value={value}>{children}</Context>;
}

/** The shared client words; null outside the root layout (the global error page). */
export function useClientText(): ClientText | null {
  return useContext(Context);
}

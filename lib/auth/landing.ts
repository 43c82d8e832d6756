// Where a user lands after signing in. The server cannot know the screen's width, so the
// sign-in form (a client component) asks `matchMedia(PHONE_QUERY)` and, on a narrow screen,
// goes to `/dashboard?landing=phone` instead of `/dashboard`; the dashboard page answers that
// with a server redirect (no page drawn first): a district officer's first task on a phone
// is entering the communes' figures. Only sign-in adds the marker, so the overview stays
// reachable on a phone from the menu.
import type { Role } from "./permissions";

/** The width below which the sign-in form asks for the phone landing (Tailwind's `sm`). */
export const PHONE_QUERY = "(max-width: 640px)";
export const PHONE_LANDING = "phone";

/** The landing after sign-in on a phone, for a role. */
export function landingOnPhone(role: Role): string {
  return role === "district" ? "/entry" : role === "agency" ? "/agencies/entry" : "/dashboard";
}

/** Where the sign-in form sends the browser: the phone landing only in place of the default. */
export function landingAfterSignIn(callbackUrl: string, narrow: boolean): string {
  return narrow && callbackUrl === "/dashboard" ? `/dashboard?landing=${PHONE_LANDING}` : callbackUrl;
}

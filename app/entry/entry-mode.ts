/**
 * Which box of the grid the user types in: the day's count or the cumulative total (the other
 * is calculated). One choice for the whole grid, remembered by the browser in a cookie the
 * page reads, so the grid is drawn the right way from the server's first HTML.
 */
export type EntryMode = "daily" | "cumulative";

export const ENTRY_MODE_COOKIE = "vneid-entry-mode";

export const entryModeOf = (value: string | undefined): EntryMode => (value === "cumulative" ? "cumulative" : "daily");

/** Remembers the user's switch in this browser: a year, sent only to the entry pages. */
export function rememberEntryMode(mode: EntryMode): void {
  const secure = location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${ENTRY_MODE_COOKIE}=${mode}; path=/entry; max-age=31536000; samesite=lax${secure}`;
}

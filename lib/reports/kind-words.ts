// Which words name a set of units: by what they are (their kind, a `unit_level` key), never
// by their depth. In the 2023 tree a province's children are districts; in the 2025 two-tier
// tree they are communes, wards and special zones at the same depth. The catalogues hold the
// words (`reports.kinds.*`, `dashboard.kinds.*`); this only picks the key. Pure, shared by
// the report renderers and the dashboard screens.

export const KNOWN_KINDS = ["province", "district", "commune", "village"] as const;
export type KnownKind = (typeof KNOWN_KINDS)[number];

/** The catalogue key for a kind, or null for an unknown or mixed kind (then say "units"). */
export function knownKind(kind: string | null | undefined): KnownKind | null {
  return KNOWN_KINDS.find((known) => known === kind) ?? null;
}

/** The one kind every unit of a set has; null when the set is empty or mixes kinds. */
export function commonKind(kinds: Iterable<string | null | undefined>): string | null {
  let found: string | null = null;
  for (const kind of kinds) {
    if (!kind) return null;
    if (found !== null && found !== kind) return null;
    found = kind;
  }
  return found;
}

// The words for "the level of a unit's children" in a title or a link ("cấp huyện",
// "district-level"): the catalogue's words for the known levels, else the level's own name
// from the reference table, else "subordinate units".
import type { Locale } from "@/lib/i18n/config";
import type { UnitFrameDTO } from "@/lib/data/unit-frame";
import { knownKind, type KnownKind } from "@/lib/reports/kind-words";

const KNOWN = ["province", "district", "commune", "village"] as const;
type LevelKey = (typeof KNOWN)[number] | "children";

export function childLevelWords(level: UnitFrameDTO["childLevel"], locale: Locale, t: (key: `levels.${LevelKey}`) => string): string {
  const known = KNOWN.find((key) => key === level?.key);
  if (known) return t(`levels.${known}`);
  const own = locale === "vi" ? level?.nameVi : level?.nameEn;
  return own ?? t("levels.children");
}

/** The catalogue key (`dashboard.kinds.*`, `dashboard.kindColumn.*`) naming units of a kind: "children" ("đơn vị") when unknown or mixed. */
export function kindKey(kind: string | null | undefined): KnownKind | "children" {
  return knownKind(kind) ?? "children";
}

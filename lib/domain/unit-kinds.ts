// What a unit is, whatever its depth in the tree. In the 2023 tree level 2 is a district and
// level 3 a commune; in the 2025 two-tier tree a province's children are communes, wards and
// special zones at level 2. Screens, reports and exports name units by their kind (the keys
// of `unit_level`: province, district, commune, village), never by their depth.

export type UnitKind = "province" | "district" | "commune" | "village";

/** The official types of commune-kind units (GSO lists): a commune, a ward, a township, a special zone. */
const COMMUNE_TYPES = new Set(["xã", "phường", "thị trấn", "đặc khu"]); // i18n-data: the official lists' type names, matched, never shown

/** The kind of a unit from its level and official type (`Huyện`, `Phường`, `Đặc khu`, ...). */
export function unitKindOf(level: number, type: string): UnitKind {
  if (level <= 1) return "province";
  if (COMMUNE_TYPES.has(type.trim().toLocaleLowerCase("vi"))) return "commune";
  if (level >= 4) return "village";
  return level === 3 ? "commune" : "district";
}

/** Lower case without diacritics, for search: "Huyện Núi Thành" → "huyen nui thanh". */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Vietnamese alphabetical order. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

// Official names start with their type; speeches and newspapers drop it ("Huyện Núi Thành"
// → "Núi Thành"). Longer prefixes first so "Thành phố Trung ương" is not cut at "Thành phố".
const UNIT_TYPE_PREFIXES = ["Thành phố Trung ương", "Thành phố", "Thị xã", "Thị trấn", "Huyện", "Quận", "Tỉnh", "Phường", "Xã"];

/** The unit name without its type prefix; a name that would become empty or a bare number keeps it ("Phường 1"). */
export function shortUnitName(name: string): string {
  for (const prefix of UNIT_TYPE_PREFIXES) {
    if (name.startsWith(`${prefix} `)) {
      const rest = name.slice(prefix.length + 1).trim();
      return rest && !/^\d+$/.test(rest) ? rest : name;
    }
  }
  return name;
}

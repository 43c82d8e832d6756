import { describe, expect, it } from "vitest";
import { unitKindOf } from "@/lib/domain/unit-kinds";

describe("unitKindOf: what a unit is, whatever its depth", () => {
  it.each([
    [1, "Tỉnh", "province"],
    [1, "Thành phố", "province"],
    // the 2023 tree: level 2 districts (a provincial city is a district), level 3 communes
    [2, "Huyện", "district"],
    [2, "Thành phố", "district"],
    [2, "Thị xã", "district"],
    [2, "Quận", "district"],
    [3, "Xã", "commune"],
    [3, "Thị trấn", "commune"],
    [3, "Phường", "commune"],
    // the 2025 two-tier tree: a province's children are communes, wards and special zones
    [2, "Xã", "commune"],
    [2, "Phường", "commune"],
    [2, "Đặc khu", "commune"],
    [2, " phường ", "commune"],
    [4, "Thôn", "village"],
  ] as const)("level %i, %s → %s", (level, type, kind) => {
    expect(unitKindOf(level, type)).toBe(kind);
  });
});

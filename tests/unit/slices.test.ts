import { describe, expect, it } from "vitest";
import { MAX_BIND_VALUES, slices } from "@/lib/db/slices";

describe("slices for bulk inserts", () => {
  it("keeps every slice within the bind-parameter limit and loses no row, in order", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => i);
    for (const columns of [1, 6, 9, 10, 40]) {
      const fields = Object.fromEntries(Array.from({ length: columns }, (_, i) => [`c${i}`, `c${i}`]));
      const parts = slices(rows, fields);
      expect(parts.every((part) => part.length * columns <= MAX_BIND_VALUES)).toBe(true);
      expect(parts.flat()).toEqual(rows);
      // as few statements as the limit allows
      expect(parts.length).toBe(Math.ceil(rows.length / Math.floor(MAX_BIND_VALUES / columns)));
    }
    expect(slices([], { a: "a" })).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { fill } from "@/lib/i18n/fill";

describe("fill", () => {
  it.each<{ message: string; values: Record<string, string | number>; expected: string }>([
    { message: "Còn {missing}/{total} đơn vị", values: { missing: 3, total: 17 }, expected: "Còn 3/17 đơn vị" },
    { message: "{name} saved", values: { name: "Tam Kỳ" }, expected: "Tam Kỳ saved" },
    { message: "{a}{a}", values: { a: "x" }, expected: "xx" },
    { message: "keeps {unknown}", values: {}, expected: "keeps {unknown}" },
  ])("$message", ({ message, values, expected }) => {
    expect(fill(message, values)).toBe(expected);
  });
});

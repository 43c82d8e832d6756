import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The map's colour scale (app/globals.css) is sequential: each bin, from "under 25%" to "100%
// or more", is darker than the one before, in the light and in the dark scheme, so the map
// reads "light = low" without the legend.
const css = readFileSync(path.join(process.cwd(), "app", "globals.css"), "utf8");
const BINS = ["lt25", "lt50", "lt75", "lt100", "done"];

function block(scheme: "light" | "dark"): string {
  const dark = css.indexOf("@media (prefers-color-scheme: dark)");
  return scheme === "light" ? css.slice(0, dark) : css.slice(dark, css.indexOf("}\n}", dark));
}

/** WCAG relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe.each(["light", "dark"] as const)("the map's scale in the %s scheme", (scheme) => {
  const colours = BINS.map((bin) => block(scheme).match(new RegExp(`--map-${bin}:\\s*(#[0-9a-fA-F]{6})`))?.[1] ?? "");

  it("defines every bin", () => {
    expect(colours.every((c) => /^#[0-9a-f]{6}$/i.test(c))).toBe(true);
  });

  it("gets darker bin by bin (light = low), each step visible", () => {
    const l = colours.map(luminance);
    for (let i = 1; i < l.length; i++) expect((l[i - 1] + 0.05) / (l[i] + 0.05)).toBeGreaterThan(1.3);
  });

  it("labels keep a contrast of 4.5:1 against their halo", () => {
    const label = block(scheme).match(/--map-label:\s*(#[0-9a-fA-F]{6})/)?.[1] ?? "";
    const halo = block(scheme).match(/--map-label-halo:\s*(#[0-9a-fA-F]{6})/)?.[1] ?? "";
    expect((luminance(halo) + 0.05) / (luminance(label) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});

// Rasterises the chart's SVG to PNG with resvg compiled to WebAssembly (no native,
// per-platform binary), using the report font so Vietnamese labels render.
import { readFileSync } from "node:fs";
import path from "node:path";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { reportFont, type FontStyle } from "./fonts";

let ready: Promise<void> | null = null;

function ensureWasm(): Promise<void> {
  ready ??= initWasm(readFileSync(path.join(process.cwd(), "node_modules", "@resvg", "resvg-wasm", "index_bg.wasm")));
  return ready;
}

/** PNG bytes of `svg`, drawn at `scale` × its size (2 for print sharpness), with the report font's `styles`. */
export async function svgToPng(svg: string, width: number, scale = 2, styles: readonly FontStyle[] = ["regular"]): Promise<Buffer> {
  await ensureWasm();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.round(width * scale) },
    font: { fontBuffers: styles.map((style) => new Uint8Array(reportFont(style))), defaultFontFamily: "Be Vietnam Pro", sansSerifFamily: "Be Vietnam Pro" },
  });
  try {
    const image = resvg.render();
    const png = Buffer.from(image.asPng());
    image.free();
    return png;
  } finally {
    resvg.free();
  }
}

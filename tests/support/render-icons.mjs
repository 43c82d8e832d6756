// Renders public/icons/icon.svg to the PNG sizes the web app manifest lists, in Debian's Chromium:
// `node tests/support/render-icons.mjs` from the project root after changing the SVG.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
const svg = readFileSync("public/icons/icon.svg", "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
async function shot(size, file, maskable) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon keeps its drawing inside the central 80% safe zone on a full-bleed background.
  const inner = maskable ? `<div style="width:100%;height:100%;background:#1e40af;display:flex;align-items:center;justify-content:center"><div style="width:78%;height:78%">${svg.replace('rx="96"', 'rx="0"')}</div></div>` : svg;
  await page.setContent(`<html><body style="margin:0;background:transparent"><div style="width:${size}px;height:${size}px">${inner}</div><style>svg{width:100%;height:100%;display:block}</style></body></html>`);
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: true });
}
await shot(192, "icon-192.png");
await shot(512, "icon-512.png");
await shot(512, "icon-maskable-512.png", true);
await browser.close();

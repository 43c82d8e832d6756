// Be Vietnam Pro (SIL Open Font License) as TrueType files from the npm package
// @expo-google-fonts/be-vietnam-pro: embedded in the PDF and given to the chart rasteriser.
// (The pages use the device's own interface font: see app/globals.css.)
import { readFileSync } from "node:fs";
import path from "node:path";

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "be-vietnam-pro");

const files = {
  regular: "400Regular/BeVietnamPro_400Regular.ttf",
  bold: "700Bold/BeVietnamPro_700Bold.ttf",
  italic: "400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf",
} as const;

export type FontStyle = keyof typeof files;

const cache = new Map<FontStyle, Buffer>();

export function reportFont(style: FontStyle): Buffer {
  let font = cache.get(style);
  if (!font) {
    font = readFileSync(path.join(FONT_DIR, files[style]));
    cache.set(style, font);
  }
  return font;
}

import "server-only";
// District boundaries by province code, read once from lib/geo/boundaries/<code>.json and
// checked. Only Quảng Nam (49) ships with the project (see the README's attribution); for
// any other province there is no file and the map is hidden.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { BoundaryFeature } from "@/lib/domain/geo-projection";

const position = z.tuple([z.number(), z.number()]);
const ring = z.array(position);
const boundariesSchema = z.object({
  features: z.array(
    z.object({
      properties: z.object({ code: z.string(), name: z.string() }),
      geometry: z.discriminatedUnion("type", [
        z.object({ type: z.literal("Polygon"), coordinates: z.array(ring) }),
        z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring)) }),
      ]),
    }),
  ),
});

const DIR = path.join(process.cwd(), "lib", "geo", "boundaries");
const cache = new Map<string, BoundaryFeature[] | null>();

export async function loadBoundaries(unitCode: string): Promise<BoundaryFeature[] | null> {
  if (!/^[0-9A-Za-z-]{1,32}$/.test(unitCode)) return null;
  if (!cache.has(unitCode)) {
    const file = path.join(DIR, `${unitCode}.json`);
    cache.set(unitCode, existsSync(file) ? boundariesSchema.parse(JSON.parse(readFileSync(file, "utf8"))).features : null);
  }
  return cache.get(unitCode) ?? null;
}

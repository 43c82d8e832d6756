// The public board's settings and publication, as the settings form, the command line and
// the public routes send them (lib/data/public-board.ts).
import { z } from "zod";
import { isPublicationTime, parseCutoff, parseStamp } from "@/lib/domain/public-board";
import { m } from "@/lib/i18n/message";
import { metricCodeSchema, unitCodeSchema } from "./import-rows";

const checkbox = z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((value) => value === "on" || value === "true" || value === true);

/** "11:00, 17:00" (commas, spaces or new lines between) → ["11:00", "17:00"], sorted, once each. */
const timesSchema = z.union([z.string(), z.array(z.string())]).transform((value, context) => {
  const items = (Array.isArray(value) ? value : value.split(/[\s,;]+/)).map((t) => t.trim()).filter(Boolean).map((t) => (/^\d:\d\d$/.test(t) ? `0${t}` : t));
  for (const item of items) if (!isPublicationTime(item)) context.addIssue({ code: "custom", message: m("board.settings.errors.times", { value: item }) });
  return [...new Set(items)].sort();
}).refine((times) => times.length <= 24, { error: () => m("board.settings.errors.times", { value: "…" }) });

/**
 * The sites that may frame the embed page: origins only ("https://baoquangnam.vn",
 * "http://localhost:8080"), as frame-ancestors takes them; one a line.
 */
const originsSchema = z.union([z.string(), z.array(z.string())]).transform((value, context) => {
  const items = (Array.isArray(value) ? value : value.split(/[\s,]+/)).map((t) => t.trim().replace(/\/$/, "")).filter(Boolean);
  const origins: string[] = [];
  for (const item of items) {
    let origin: string | null = null;
    try {
      const url = new URL(item);
      if ((url.protocol === "https:" || url.protocol === "http:") && url.origin === item) origin = url.origin;
    } catch {
      origin = null;
    }
    if (origin) origins.push(origin);
    else context.addIssue({ code: "custom", message: m("board.settings.errors.origin", { value: item.slice(0, 80) }) });
  }
  return [...new Set(origins)];
}).refine((origins) => origins.length <= 20, { error: () => m("board.settings.errors.origin", { value: "…" }) });

export const boardSettingsSchema = z.object({
  unit: unitCodeSchema,
  /** the day the code is resolved on (an account of an ended unit: its home day) */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  enabled: checkbox,
  metrics: z.array(metricCodeSchema).min(1, { error: () => m("board.settings.errors.metrics") }).max(20),
  rankingMetric: metricCodeSchema,
  showRanking: checkbox,
  showPraise: checkbox,
  times: timesSchema,
  frameOrigins: originsSchema,
}).refine((input) => input.metrics.includes(input.rankingMetric), { path: ["rankingMetric"], error: () => m("board.settings.errors.rankingMetric") });

export type BoardSettingsInput = z.output<typeof boardSettingsSchema>;

/** A cutoff typed by a person: "2023-06-07 17:00"; empty for now. */
export const cutoffTextSchema = z.string().trim().max(20).transform((text, context) => {
  if (text === "") return null;
  const cutoff = parseCutoff(text);
  if (!cutoff) context.addIssue({ code: "custom", message: m("board.settings.errors.cutoff") });
  return cutoff;
});

export const publishBoardSchema = z.object({
  unit: unitCodeSchema,
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  cutoff: cutoffTextSchema.optional(),
});

/**
 * A public board's file name after /cong-khai/CODE/: a publication's stamp or `latest`,
 * alone (its page), or with `.json`, `.csv`, `-1200x675.png` or `-1080x1350.png`;
 * `index.json` lists the publications.
 */
export type PublicFile =
  | { kind: "index" }
  | { kind: "page" | "json" | "csv"; which: string }
  | { kind: "png"; which: string; size: "1200x675" | "1080x1350" };

const FILE = /^(latest|\d{4}-\d{2}-\d{2}T\d{4})(\.json|\.csv|-1200x675\.png|-1080x1350\.png)?$/;

export function parsePublicFile(name: string): PublicFile | null {
  if (name === "index.json") return { kind: "index" };
  const match = FILE.exec(name);
  if (!match) return null;
  const which = match[1];
  if (which !== "latest" && !parseStamp(which)) return null;
  const suffix = match[2] ?? "";
  if (suffix === "") return { kind: "page", which };
  if (suffix === ".json") return { kind: "json", which };
  if (suffix === ".csv") return { kind: "csv", which };
  return { kind: "png", which, size: suffix.startsWith("-1200") ? "1200x675" : "1080x1350" };
}

export const publicCodeSchema = unitCodeSchema;

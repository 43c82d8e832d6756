// The public board's picture for social media and TV: the headline figure and the children's
// table, drawn as SVG and rasterised on the server with the embedded Be Vietnam Pro
// (./chart-png.ts), at 1200×675 (landscape) or 1080×1350 (portrait). Sized to be read on a
// phone: at most 20 rows in two columns (landscape) or 21 in one (portrait), the rest counted.
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import type { BoardSnapshot } from "@/lib/domain/public-board";
import type { Locale } from "@/lib/i18n/config";
import { m, withLocale } from "@/lib/i18n/message";
import { svgToPng } from "./chart-png";

export type PictureSize = "1200x675" | "1080x1350";

const LAYOUT = {
  "1200x675": { width: 1200, height: 675, header: 250, columns: 2, perColumn: 10, rowHeight: 35, font: 22, nameChars: 22 },
  "1080x1350": { width: 1080, height: 1350, header: 370, columns: 1, perColumn: 21, rowHeight: 43, font: 27, nameChars: 40 },
} as const;

const BRAND = "#1e40af";
const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function boardPictureSvg(snapshot: BoardSnapshot, size: PictureSize, locale: Locale = "vi"): string {
  const L = LAYOUT[size];
  return withLocale(locale, () => {
    const pad = 40;
    const parts: string[] = [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}" font-family="Be Vietnam Pro">`,
      `<rect width="${L.width}" height="${L.height}" fill="#ffffff"/>`,
      `<rect width="${L.width}" height="${size === "1200x675" ? 132 : 170}" fill="${BRAND}"/>`,
      `<text x="${pad}" y="${size === "1200x675" ? 58 : 72}" font-size="${size === "1200x675" ? 40 : 48}" font-weight="700" fill="#ffffff">${escapeXml(clip(snapshot.unit.name, 40))}</text>`,
      `<text x="${pad}" y="${size === "1200x675" ? 104 : 130}" font-size="${size === "1200x675" ? 24 : 28}" fill="#dbeafe">${escapeXml(m("board.picture.subtitle"))}</text>`,
    ];
    const headline = snapshot.metrics.find((x) => x.metric === snapshot.rankingMetric) ?? snapshot.metrics[0];
    const top = size === "1200x675" ? 132 : 170;
    const cutoff = m("board.public.cutoff", { time: snapshot.cutoff.slice(11, 16), date: formatDay(snapshot.asOf) });
    if (headline) {
      const name = locale === "en" ? headline.nameEn : headline.name;
      const big = headline.percent === null ? formatNumber(headline.actual, locale) : formatPercent(headline.percent, locale);
      const detail = headline.target === null
        ? `${name}: ${formatNumber(headline.actual, locale)}`
        : `${name}: ${formatNumber(headline.actual, locale)} / ${formatNumber(headline.target, locale)}${headline.dueDate ? ` · ${m("board.public.due", { date: formatDay(headline.dueDate) })}` : ""}`;
      parts.push(
        `<text x="${pad}" y="${top + 78}" font-size="${size === "1200x675" ? 64 : 80}" font-weight="700" fill="${BRAND}" data-testid="headline">${escapeXml(big)}</text>`,
        `<text x="${size === "1200x675" ? 340 : pad}" y="${size === "1200x675" ? top + 52 : top + 122}" font-size="${size === "1200x675" ? 24 : 28}" fill="#0f172a">${escapeXml(clip(detail, 70))}</text>`,
        `<text x="${size === "1200x675" ? 340 : pad}" y="${size === "1200x675" ? top + 86 : top + 168}" font-size="${size === "1200x675" ? 22 : 26}" font-weight="700" fill="#334155">${escapeXml(cutoff)}</text>`,
      );
    } else {
      parts.push(`<text x="${pad}" y="${top + 60}" font-size="26" font-weight="700" fill="#334155">${escapeXml(cutoff)}</text>`);
    }
    const shown = snapshot.rows.slice(0, L.perColumn * L.columns);
    const columnWidth = (L.width - pad * (L.columns + 1)) / L.columns;
    const bar = 100;
    shown.forEach((row, i) => {
      const column = Math.floor(i / L.perColumn);
      const x = pad + column * (columnWidth + pad);
      const y = L.header + (i % L.perColumn) * L.rowHeight;
      const fill = i % 2 === 0 ? "#f1f5f9" : "#ffffff";
      const barWidth = (Math.max(0, Math.min(100, row.percent ?? 0)) / 100) * bar;
      parts.push(
        `<rect x="${x}" y="${y}" width="${columnWidth}" height="${L.rowHeight}" fill="${fill}"/>`,
        `<text x="${x + 44}" y="${y + L.rowHeight * 0.68}" font-size="${L.font}" font-weight="700" text-anchor="end" fill="#334155">${row.rank ?? "—"}</text>`,
        `<text x="${x + 58}" y="${y + L.rowHeight * 0.68}" font-size="${L.font}" fill="#0f172a">${escapeXml(clip(row.name, L.nameChars))}</text>`,
        `<rect x="${x + columnWidth - bar - 10}" y="${y + L.rowHeight * 0.3}" width="${bar}" height="${L.rowHeight * 0.4}" fill="#e2e8f0"/>`,
        `<rect x="${x + columnWidth - bar - 10}" y="${y + L.rowHeight * 0.3}" width="${barWidth.toFixed(1)}" height="${L.rowHeight * 0.4}" fill="#1d4ed8"/>`,
        `<text x="${x + columnWidth - bar - 20}" y="${y + L.rowHeight * 0.68}" font-size="${L.font}" font-weight="700" text-anchor="end" fill="#0f172a">${escapeXml(formatPercent(row.percent, locale))}</text>`,
      );
    });
    const rest = snapshot.rows.length - shown.length;
    const footY = L.height - 22;
    parts.push(
      rest > 0 ? `<text x="${L.width - pad}" y="${footY}" font-size="${L.font - 6}" text-anchor="end" fill="#334155">${escapeXml(m("board.picture.more", { count: rest }))}</text>` : "",
      `<text x="${pad}" y="${footY}" font-size="${L.font - 6}" fill="#475569">${escapeXml(`/cong-khai/${snapshot.unit.code}`)}</text>`,
      `</svg>`,
    );
    return parts.join("");
  });
}

/** The picture as PNG bytes, at its own size. */
export async function boardPicture(snapshot: BoardSnapshot, size: PictureSize, locale: Locale = "vi"): Promise<Buffer> {
  return svgToPng(boardPictureSvg(snapshot, size, locale), LAYOUT[size].width, 1, ["regular", "bold"]);
}

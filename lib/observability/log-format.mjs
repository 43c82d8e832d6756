// The format of every log line, shared by the app (log.ts) and the production server
// (http-server.mjs, plain JavaScript so that it runs without a TypeScript loader): one JSON
// object per line. Nothing personal or secret is written: query values are kept only for
// parameters known to be harmless, messages lose quoted values, long digit runs (ID card
// and phone numbers), e-mail addresses, connection strings and bearer tokens.

/** Query parameters whose values say what was asked, never who asked or with what secret. */
const HARMLESS_PARAMS = new Set([
  "date", "unit", "metric", "campaign", "asOf", "parent", "week", "format", "page", "from", "to", "action", "kind", "view", "scope", "sort", "level",
]);

/** @param {string} url @returns {string} the path and query, unknown parameters' values as `…` */
export function safePath(url) {
  let parsed;
  try {
    parsed = new URL(url, "http://localhost");
  } catch {
    return "(unparsable)";
  }
  const keys = [...new Set(parsed.searchParams.keys())];
  if (keys.length === 0) return parsed.pathname.slice(0, 300);
  const query = keys.map((key) => {
    const value = parsed.searchParams.get(key) ?? "";
    return `${encodeURIComponent(key.slice(0, 40))}=${HARMLESS_PARAMS.has(key) ? encodeURIComponent(value.slice(0, 64)) : "…"}`;
  });
  return `${parsed.pathname.slice(0, 300)}?${query.join("&")}`;
}

/** @param {string} message @returns {string} the message without the values it may quote */
export function scrubMessage(message) {
  return message
    .replace(/Bearer\s+\S+/gi, "Bearer …")
    .replace(/postgres(ql)?:\/\/[^\s"']+/gi, "postgresql://…")
    .replace(/=\([^)]*\)/g, "=(…)")
    .replace(/"[^"\n]{0,200}"/g, (quoted) => (/^"[a-z_][a-z0-9_.]*"$/i.test(quoted) ? quoted : '"…"'))
    .replace(/'[^'\n]{0,200}'/g, "'…'")
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, "…@…")
    .replace(/\d{7,}/g, "…")
    .slice(0, 500);
}

/**
 * @param {"info" | "warn" | "error"} level
 * @param {string} event
 * @param {Record<string, unknown>} fields
 * @returns {string} one line of JSON, undefined fields left out
 */
export function formatLogLine(level, event, fields) {
  /** @type {Record<string, unknown>} */
  const line = { time: new Date().toISOString(), level, event };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) line[key] = value;
  return `${JSON.stringify(line)}\n`;
}

// The words people stored (unit, campaign, user, agency and token names, reasons they typed, how a
// unit's reports are headed and signed): data
// shown as entered in either language, read from the end-to-end database so the English
// check can tell data from interface text.
import pg from "pg";
import { shortUnitName } from "@/lib/domain/text";

let cached: Promise<string[]> | undefined;

export function readStoredNames(): Promise<string[]> {
  cached ??= (async () => {
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(`
        SELECT name FROM unit UNION SELECT name FROM campaign UNION SELECT display_name FROM app_user UNION SELECT name FROM agency
        UNION SELECT name FROM api_token UNION SELECT reason FROM audit_event WHERE reason IS NOT NULL
        UNION SELECT reason FROM period_lock WHERE reason IS NOT NULL
        UNION SELECT unnest(ARRAY[superior_body, issuing_body, symbol, place, signer_name]) FROM issuing_settings
        UNION SELECT regexp_split_to_table(recipients || E'\n' || signer_title, E'\n') FROM issuing_settings`);
      // Longest first, so "Huyện Núi Thành" goes before "Núi Thành".
      // Unit names also appear shortened, as officials write them ("Núi Thành" for "Huyện Núi Thành").
      const names = rows.flatMap((r) => [r.name, shortUnitName(r.name)]).map((name) => name.normalize("NFC"));
      return [...new Set(names)].filter((name) => name.length > 0).sort((a, b) => b.length - a.length);
    } finally {
      await client.end();
    }
  })();
  return cached;
}

// Hostile values: what a careless, confused or malicious client sends. Every target of the
// harness draws its inputs from these, mixed with plausible values so that some inputs get
// past validation and reach the data layer and the database.
import fc from "fast-check";

export const HOSTILE_STRINGS = [
  "", " ", "\t", "0", "-0", "-1", "1.5", "1,5", "1.000", "1e3", "1E+21", "2e-7", "9007199254740993", "99999999999999999999999",
  "1000000001", "Infinity", "-Infinity", "NaN", "0x1F", "0b11", "0o7", "１２３", "١٢٣", "12\u200b3", " 42 ", "4\u00a02", "+5",
  "2023-02-30", "2023-02-29", "2024-02-30", "2023-13-01", "2023-00-10", "2023-06-31", "0000-01-01", "9999-12-31", "2023-2-3",
  "23-06-01", "2023/06/01", "01/06/2023", "+002023-06-01", "2023-06-01T00:00:00Z", "2023-06-01 ", "２０２３-０６-０１",
  "'; DROP TABLE figure; --", "1 OR 1=1", "1; SELECT pg_sleep(10)", "\" OR \"\"=\"", "$1", "%", "_", "\\", "\\x00",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}", "../../etc/passwd",
  "%00", "\u0000", "\u0000123", "\u202Eevil", "\ufeff90101", "Ｎúi Ｔhành", "Núi Thành", "Nu\u0301i Tha\u0300nh", "🙂", "𝟗𝟎𝟏𝟎𝟏",
  "аctivated", "ACTIVATED", "activated ", "Activated", "null", "undefined", "true", "[]", "{}", "__proto__", "constructor",
  "a".repeat(600), "9".repeat(400), "x".repeat(70_000),
] as const;

const isoDay = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 6 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 1 },
  { arbitrary: fc.stringMatching(/^-?\d{1,25}([.,eE]\d{0,3})?$/), weight: 2 },
  { arbitrary: isoDay, weight: 1 },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, -0, 0.5, 1.5, 1e21, 1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e-7, 1_000_000_001, Number.NaN, Number.POSITIVE_INFINITY),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 5 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: fc.constantFrom(null, undefined, true, false), weight: 1 },
  { arbitrary: fc.array(hostileString, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }), weight: 1 },
);

/** Mostly `usual`, sometimes anything hostile. */
export const mostly = <T>(usual: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown> = hostileValue): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: usual, weight: 3 }, { arbitrary: hostile, weight: 2 });

/** Nearly always `usual`: for the fields of a row, so that whole rows are sometimes valid. */
export const often = <T>(usual: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown> = hostileValue): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: usual, weight: 12 }, { arbitrary: hostile, weight: 1 });

/** Search parameters as Next.js hands them to a page: strings, arrays of strings, or absent. */
export const searchParams = (keys: readonly string[]): fc.Arbitrary<Record<string, string | string[] | undefined>> =>
  fc.record(
    Object.fromEntries([...keys, "__proto__x", "extra"].map((key) => [key, fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 }), fc.constant(undefined))])),
    { requiredKeys: [] },
  );

/** A CSV file's bytes as spreadsheets and people produce them: broken quoting, stray BOMs and NULs, other encodings. */
export function hostileCsv(header: fc.Arbitrary<string>, cell: fc.Arbitrary<string>): fc.Arbitrary<{ name: string; bytes: Uint8Array }> {
  const line = fc.array(cell, { minLength: 1, maxLength: 7 }).map((cells) => cells.join(","));
  const text = fc.tuple(header, fc.array(line, { maxLength: 6 }), fc.constantFrom("\n", "\r\n", "\r")).map(([h, lines, eol]) => [h, ...lines].join(eol));
  const mangled = fc.tuple(text, fc.array(fc.tuple(fc.nat(), fc.constantFrom('"', '""', '"\n', ",", "\n", "\ufeff", "\u0000", "\r", '",,"', "\\\"")), { maxLength: 4 })).map(([t, edits]) =>
    edits.reduce((acc, [at, insert]) => {
      const i = acc.length ? at % acc.length : 0;
      return acc.slice(0, i) + insert + acc.slice(i);
    }, t),
  );
  const encoded = fc.tuple(mangled, fc.constantFrom("utf8", "utf8-bom", "latin1", "utf16le", "mixed", "cp1258-ish")).map(([t, encoding]) => {
    switch (encoding) {
      case "utf8-bom":
        return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, "utf8")]));
      case "latin1":
        return new Uint8Array(Buffer.from(`${t}\nNúi Thành,é`, "latin1"));
      case "utf16le":
        return new Uint8Array(Buffer.from(t, "utf16le"));
      case "mixed":
        return new Uint8Array(Buffer.concat([Buffer.from(t, "utf8"), Buffer.from("\nXã Tam Nghĩa,ơư", "latin1")]));
      case "cp1258-ish":
        return new Uint8Array(Buffer.concat([Buffer.from(t, "utf8"), Buffer.from([0xd2, 0xde, 0xf5, 0x0a])]));
      default:
        return new Uint8Array(Buffer.from(t, "utf8"));
    }
  });
  return fc.tuple(encoded, fc.constantFrom("so-lieu.csv", "so-lieu.CSV", "so-lieu.xlsx", "so lieu <b>.csv", "")).map(([bytes, name]) => ({ name, bytes }));
}

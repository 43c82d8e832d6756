// Compares the database built by the migrations with prisma/schema.prisma (read through
// Prisma's own parser, which runs offline) and lists every difference. Tables, columns,
// types, nullability, defaults, enums, primary keys, unique and plain indexes, foreign keys.
import { readFileSync } from "node:fs";
import path from "node:path";
import { getDMMF } from "@prisma/internals";
import { Client } from "pg";

type Dmmf = Awaited<ReturnType<typeof getDMMF>>;
type Field = Dmmf["datamodel"]["models"][number]["fields"][number];

export const SCHEMA_FILE = path.resolve(__dirname, "..", "..", "prisma", "schema.prisma");

function columnType(field: Field): string {
  if (field.kind === "enum") return `enum:${field.type}`;
  const native = field.nativeType?.[0];
  switch (field.type) {
    case "Int": return "integer";
    case "BigInt": return "bigint";
    case "String": return native === "VarChar" ? "character varying" : "text";
    case "Boolean": return "boolean";
    case "Float": return "double precision";
    case "Decimal": return "numeric";
    case "Json": return "jsonb";
    case "DateTime":
      if (native === "Date") return "date";
      if (native === "Timestamptz") return "timestamp with time zone";
      return "timestamp without time zone";
    default: return `unknown:${field.type}`;
  }
}

export async function schemaDifferences(databaseUrl: string, schema = readFileSync(SCHEMA_FILE, "utf8")): Promise<string[]> {
  const dmmf = await getDMMF({ datamodel: schema });
  const expected = new Set<string>();
  const tableOf = new Map<string, string>();
  const columnOf = new Map<string, string>();
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    tableOf.set(model.name, table);
    expected.add(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const column = field.dbName ?? field.name;
      columnOf.set(`${model.name}.${field.name}`, column);
      const hasDefault = field.hasDefaultValue && !field.isUpdatedAt;
      expected.add(`column ${table}.${column} ${columnType(field)} ${field.isRequired ? "not null" : "null"}${hasDefault ? " default" : ""}`);
    }
  }
  for (const model of dmmf.datamodel.models) {
    const table = tableOf.get(model.name)!;
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = dmmf.datamodel.models.find((m) => m.name === field.type)!;
      const from = field.relationFromFields.map((f) => columnOf.get(`${model.name}.${f}`)).join(",");
      const to = field.relationToFields!.map((f) => columnOf.get(`${target.name}.${f}`)).join(",");
      expected.add(`fk ${table}(${from}) -> ${tableOf.get(target.name)}(${to})`);
    }
  }
  for (const index of dmmf.datamodel.indexes) {
    const table = tableOf.get(index.model)!;
    const columns = index.fields.map((f) => columnOf.get(`${index.model}.${f.name}`)).join(",");
    const kind = index.type === "id" ? "primary" : index.type === "unique" ? "unique" : "index";
    expected.add(`${kind} ${table}(${columns})`);
  }
  for (const e of dmmf.datamodel.enums) expected.add(`enum ${e.name} ${e.values.map((v) => v.dbName ?? v.name).join(",")}`);

  const actual = new Set<string>();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows;
    for (const r of await q(`SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename <> '_prisma_migrations'`)) actual.add(`table ${r.tablename}`);
    // tables only: a view (unit_total) is the migrations' own reading aid, not part of the model
    for (const r of await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema='public' AND table_name <> '_prisma_migrations'
                               AND table_name IN (SELECT tablename FROM pg_tables WHERE schemaname='public')`)) {
      const type = r.data_type === "USER-DEFINED" ? `enum:${r.udt_name}` : r.data_type;
      actual.add(`column ${r.table_name}.${r.column_name} ${type} ${r.is_nullable === "NO" ? "not null" : "null"}${r.column_default !== null ? " default" : ""}`);
    }
    for (const r of await q(`
      SELECT t.relname AS tbl, ix.indisprimary AS pk, ix.indisunique AS uq,
             string_agg(a.attname, ',' ORDER BY k.ord) AS cols
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      GROUP BY ix.indexrelid, t.relname, ix.indisprimary, ix.indisunique`)) {
      actual.add(`${r.pk ? "primary" : r.uq ? "unique" : "index"} ${r.tbl}(${r.cols})`);
    }
    for (const r of await q(`
      SELECT c.conrelid::regclass::text AS tbl, c.confrelid::regclass::text AS ref,
        (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols,
        (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS refcols
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`)) {
      actual.add(`fk ${r.tbl.replace(/"/g, "")}(${r.cols}) -> ${r.ref.replace(/"/g, "")}(${r.refcols})`);
    }
    for (const r of await q(`SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS vals FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname='public' GROUP BY t.typname`)) {
      actual.add(`enum ${r.typname} ${r.vals}`);
    }
  } finally {
    await client.end();
  }
  return [
    ...[...expected].filter((e) => !actual.has(e)).map((e) => `in schema.prisma, not in the migrations: ${e}`),
    ...[...actual].filter((a) => !expected.has(a)).map((a) => `in the migrations, not in schema.prisma: ${a}`),
  ].sort();
}

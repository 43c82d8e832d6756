import "server-only";
// A user's remembered reading of their own report table (lib/validation/table-mapping.ts):
// one per user, read to import the next day's file without mapping it again; each change is
// audited (old and new mapping) in its own transaction, like every other setting.
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { tableMappingSchema, type TableMapping } from "@/lib/validation/table-mapping";
import { writeAudit } from "./audit";

export interface StoredMapping {
  mapping: TableMapping;
  /** the header row's cells (headerKey) a file must show for the mapping to read it */
  headers: string[];
}

/** The caller's remembered mapping, if any (the system actor has none). */
export async function getImportMapping(actor: Actor): Promise<StoredMapping | null> {
  if (actor.id === null) return null;
  const row = await db().importMapping.findUnique({ where: { userId: actor.id }, select: { mapping: true, headers: true } });
  const parsed = row ? tableMappingSchema.safeParse(row.mapping) : null;
  const headers = row && Array.isArray(row.headers) ? row.headers.map(String) : [];
  return row && parsed?.success ? { mapping: parsed.data, headers } : null;
}

/** Remembers the caller's mapping (replacing theirs), with an audit event of the old and new one. */
export async function saveImportMapping(actor: Actor, stored: StoredMapping): Promise<void> {
  const userId = actor.id;
  if (userId === null) return;
  const value = { ...stored.mapping, headers: stored.headers };
  await db().$transaction(async (tx) => {
    const before = await tx.importMapping.findUnique({ where: { userId }, select: { mapping: true, headers: true } });
    await tx.importMapping.upsert({
      where: { userId },
      create: { userId, mapping: stored.mapping, headers: stored.headers },
      update: { mapping: stored.mapping, headers: stored.headers, updatedAt: new Date() },
    });
    await writeAudit(tx, {
      userId, action: "import_mapping.update", entity: "import_mapping", entityKey: actor.username, unitId: null,
      ...(before ? { oldValue: { ...(before.mapping as object), headers: before.headers } } : {}), newValue: value, reason: null,
    });
  });
}

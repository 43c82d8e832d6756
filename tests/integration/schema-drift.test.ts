import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaDifferences, SCHEMA_FILE } from "../support/schema-drift";
import { databaseUrl } from "./helpers";

describe("schema drift", () => {
  it("the database built from the migrations matches prisma/schema.prisma", async () => {
    expect(await schemaDifferences(databaseUrl())).toEqual([]);
  });

  it("notices a schema.prisma edit that has no migration", async () => {
    const edited = readFileSync(SCHEMA_FILE, "utf8").replace("  reason    String?\n", "  reason    String?\n  severity  Int\n");
    expect(await schemaDifferences(databaseUrl(), edited)).toEqual([
      "in schema.prisma, not in the migrations: column audit_event.severity integer not null",
    ]);
  });
});

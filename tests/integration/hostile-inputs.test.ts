// Bad input everywhere: property-based tests (fast-check) throw random and hostile values at
// every route handler, server action, search parameter parser and import that exists (the
// list: hostile/targets.ts, one entry each). See hostile/harness.ts for what must hold.
import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectStoredFiguresValid } from "./hostile/stored-invariants";
import { TARGETS } from "./hostile/targets";
import { buildWorld } from "./hostile/world";
import type { AttackReport } from "./hostile/harness";
import { resetDatabase, testDb } from "./helpers";

vi.mock("@/lib/auth/session", async () => (await import("./hostile/signed-in")).sessionModule);
vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  const store = { get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), set: (name: string, value: string) => void jar.set(name, value), has: (name: string) => jar.has(name), delete: (name: string) => void jar.delete(name), getAll: () => [...jar].map(([name, value]) => ({ name, value })) };
  return { cookies: async () => store, headers: async () => new Headers() };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// The request's language comes from the cookie jar above, else from next-auth's session,
// which needs a real request: none here (who is signed in comes from the session mock).
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => null }));

const reports: AttackReport[] = [];

describe("hostile input, property-based", () => {
  beforeAll(async () => {
    await buildWorld(await resetDatabase());
  });

  afterAll(() => {
    const tried = reports.reduce((sum, r) => sum + r.tried, 0);
    console.log(`Hostile inputs tried: ${tried}`);
    for (const r of reports) console.log(`  ${String(r.tried).padStart(6)} ${r.name} (${r.accepted} accepted, ${r.refused} refused)`);
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/hostile-inputs.json", JSON.stringify({ tried, targets: reports }, null, 2));
  });

  it.each(TARGETS.map((t, i) => ({ ...t, seed: 20261123 + i })))("$name: never a 500, a stack trace or a refusal without a message", async ({ attack, seed }) => {
    const report = await attack(seed);
    reports.push(report);
    expect(report.tried).toBeGreaterThan(0);
    await expectStoredFiguresValid(testDb());
  });

  it("stored some of what was valid, so the properties reached the database", async () => {
    expect(await expectStoredFiguresValid(testDb())).toBeGreaterThan(0);
  });
});

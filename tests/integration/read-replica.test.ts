// Reads that accept a short lag go to the replica (DATABASE_REPLICA_URL), everything else to
// the primary (lib/db/client.ts). The "replica" here is a second database holding other
// names and no figures, so every answer tells which server it came from: the dashboards' reads
// come from the replica, a save goes to the primary, and the entry page, a request that has
// just written and a publication's snapshot read the primary.
import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { getDailyGrid } from "@/lib/data/daily-grid";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { getProgress } from "@/lib/data/progress";
import { getRankings } from "@/lib/data/rankings";
import { getUnit, listUnits } from "@/lib/data/units";
import { createPrismaClient, onPrimary, setReplicaDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { withDatabase } from "@/lib/db/url";
import { seedReference } from "@/lib/db/seed/reference";
import type { RequestContext } from "@/lib/observability/request-context";
import { freshDatabase } from "../support/test-databases";
import { addUser } from "../support/users";
import { createCampaign, createUnits, smallTree } from "./fixtures";
import { databaseUrl, resetDatabase, testDb } from "./helpers";

let replica: Db;
let district: Actor;

/** Runs `read` as the production server runs a request (lib/observability/http-server.mjs). */
function inRequest<T>(context: RequestContext, read: () => Promise<T>): Promise<T> {
  const key = Symbol.for("vneid.requestContext");
  const globals = globalThis as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>;
  const store = (globals[key] ??= new AsyncLocalStorage<RequestContext>());
  return store.run(context, read);
}

beforeAll(async () => {
  const db = await resetDatabase();
  await smallTree(db);
  await createCampaign(db);
  district = await addUser(db, "bac", "district", "901");
  const replicaUrl = withDatabase(databaseUrl(), `${new URL(databaseUrl()).pathname.slice(1)}_replica`);
  await freshDatabase(replicaUrl);
  await migrate(replicaUrl);
  replica = createPrismaClient(replicaUrl);
  await seedReference(replica);
  await createUnits(replica, [["90", "Tỉnh Bản Sao", null], ["901", "Huyện Bản Sao", "90"], ["90101", "Xã Bản Sao", "901"], ["90102", "Xã Hai Bản Sao", "901"]]);
  await createCampaign(replica);
  setReplicaDb(replica);
});

afterAll(async () => {
  setReplicaDb(null);
  await replica.$disconnect();
});

describe("with a read replica", () => {
  it("the dashboards' reads come from the replica", async () => {
    expect((await getUnit(district, "901", "2023-06-01")).name).toBe("Huyện Bản Sao");
    expect((await listUnits(district, "901", "2023-06-01")).map((u) => u.name)).toEqual(["Xã Bản Sao", "Xã Hai Bản Sao"]);
  });

  it("a save goes to the primary and the entry page shows it at once, while the replica has not got it yet", async () => {
    const saved = await saveDailyFigures(district, [{ ref: 0, date: "2023-06-01", unitCode: "90101", metric: "accounts", value: 40, kind: "daily" }], { now: new Date("2023-06-01T09:00:00Z") });
    expect(saved).toMatchObject({ ok: true, written: 1 });
    expect(await testDb().figure.count()).toBe(1);
    expect(await replica.figure.count()).toBe(0);
    const grid = await getDailyGrid(district, "2023-06-01", "901");
    expect(grid.scope.name).toBe("Huyện Bắc");
    const cell = grid.rows.find((row) => row.unitCode === "90101")!.cells.find((c) => c.metric === "accounts")!;
    expect(cell).toMatchObject({ value: 40 });
    // a dashboard, from the lagging replica
    expect((await getProgress(district, { unitCode: "901", metricCode: "accounts", asOf: "2023-06-01" })).actual).toBe(0);
  });

  it("a request that writes, or comes from a browser that just wrote, reads the primary", async () => {
    const progress = () => getProgress(district, { unitCode: "901", metricCode: "accounts", asOf: "2023-06-01" });
    expect((await inRequest({ requestId: "after-a-save", readsFromPrimary: true }, progress)).actual).toBe(40);
    expect((await inRequest({ requestId: "someone-else" }, progress)).actual).toBe(0);
  });

  it("reads inside onPrimary stay on the primary, the replica's reads nested in them included", async () => {
    const rankings = await onPrimary(() => getRankings(district, { parentCode: "901", metricCode: "accounts", asOf: "2023-06-01" }, { includeChange: false }));
    expect(Object.fromEntries(rankings.rows.map((row) => [row.name, row.actual]))).toEqual({ "Xã Một": 40, "Xã Hai": 0 });
  });

  it("without a replica every read goes to the primary", async () => {
    setReplicaDb(null);
    try {
      expect((await getUnit(district, "901", "2023-06-01")).name).toBe("Huyện Bắc");
    } finally {
      setReplicaDb(replica);
    }
  });
});

// One "app server" for the fleet tests (tests/integration/fleet.test.ts): a process of its own
// with its own Prisma client and its own module instances, doing one data-layer call against
// DATABASE_URL. It connects, prints "ready", waits for a line on standard input (so two of
// them can be started together), does the call and prints its result as one JSON line.
import { createInterface } from "node:readline";
import type { Actor } from "@/lib/auth/permissions";
import { createPrismaClient, setDb } from "@/lib/db/client";
import { getImportProgress, trackImportProgress } from "@/lib/data/import-progress-registry";
import { publishDue } from "@/lib/data/public-board";
import { saveDailyFigures, type DailyRow } from "@/lib/data/daily-save";
import { signIn } from "@/lib/data/sessions";
import type { ImportProgress } from "@/lib/domain/import-progress";

type Call =
  | { op: "sign-in"; username: string; password: string; address: string; times: number }
  | { op: "save"; actor: Actor; rows: DailyRow[]; key: string; now: string }
  | { op: "track"; actor: Actor; id: string; progress: ImportProgress }
  | { op: "progress"; actor: Actor; id: string }
  | { op: "publish-due"; now: string };

async function run(call: Call): Promise<unknown> {
  switch (call.op) {
    case "sign-in": {
      const results = [];
      for (let i = 0; i < call.times; i++) results.push((await signIn(call.username, call.password, { address: call.address, sleep: async () => undefined })).ok);
      return results;
    }
    case "save":
      return saveDailyFigures(call.actor, call.rows, { submissionKey: call.key, now: new Date(call.now), confirmSpikes: true });
    case "track": {
      const tracker = await trackImportProgress(call.actor, call.id);
      tracker?.onProgress(call.progress);
      await tracker?.flush();
      return tracker !== null;
    }
    case "progress":
      return getImportProgress(call.actor, call.id);
    case "publish-due":
      return publishDue(new Date(call.now));
  }
}

async function main() {
  const call = JSON.parse(process.argv[2]) as Call;
  const client = createPrismaClient(process.env.DATABASE_URL!);
  setDb(client);
  await client.$queryRaw`SELECT 1`;
  process.stdout.write("ready\n");
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once("line", () => resolve()));
  lines.close();
  const result = await run(call);
  process.stdout.write(`${JSON.stringify({ result })}\n`);
  await client.$disconnect();
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: String((error as Error).message) })}\n`);
  process.exitCode = 1;
});

// `npm run dev` and `npm start`: prepare the database (embedded unless DATABASE_URL is set),
// load the demo into an empty database, then run Next.js with DATABASE_URL pointing at it.
// The embedded server stops when this process does.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EMBEDDED_DIR } from "@/lib/db/embedded";
import { seedDemo } from "@/lib/db/seed/demo";
import { seedReference } from "@/lib/db/seed/reference";
import { openDatabase } from "./context";

export async function serve(mode: "dev" | "start"): Promise<number> {
  const { url, client } = await openDatabase();
  if ((await client.unit.count()) === 0 && process.env.SEED_DEMO !== "0") {
    console.log("Empty database: loading the demo province…");
    const summary = await seedDemo(client);
    console.log(`Demo loaded: ${summary.units} units, ${summary.figures} figures.`);
  } else {
    await seedReference(client);
  }
  await client.$disconnect();
  const args = [mode, ...process.argv.slice(2)];
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), ...args], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
}

/** A session-signing secret kept in the git-ignored .data folder when none is configured. */
function localSecret(): string {
  const file = path.join(EMBEDDED_DIR, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(EMBEDDED_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

// The database is unreachable when the production server starts: the server starts anyway
// (no crash loop), answers /api/health with 503, shows a clear error page with a request id,
// and recovers by itself once the database is back. Needs the production build, hence here
// and not in the integration suite. Runs its own server and its own throwaway PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { createDatabaseIfMissing } from "@/lib/db/url";
import { freePort, ThrowawayPostgres } from "../support/throwaway-postgres";
import { screenshot } from "./helpers";

const SECRET = "e2e-faults-secret-not-for-production-0123456789";

async function waitForHealth(base: string, status: number, until: (body: { database?: { pendingMigrations?: number | null } }) => boolean = () => true): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const answer = await fetch(`${base}/api/health`).catch(() => null);
    if (answer?.status === status) {
      const body = (await answer.json()) as Record<string, unknown>;
      if (until(body)) return body;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`/api/health never answered ${status}`);
}

test("starts without its database, explains it, and recovers when the database comes back", async ({ page, context }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one server start is enough; the page is checked at both widths elsewhere");
  test.setTimeout(300_000);
  const database = await ThrowawayPostgres.create();
  let server: ChildProcess | undefined;
  const output: string[] = [];
  try {
    await createDatabaseIfMissing(database.url(), "vneid");
    database.stop();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/start.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
      env: { ...process.env, DATABASE_URL: database.url("vneid"), NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: base, SEED_DEMO: "0", DATABASE_RETRY_MS: "1000", DATABASE_CONNECT_TIMEOUT_MS: "2000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));

    const down = await waitForHealth(base, 503);
    expect(down).toMatchObject({ status: "unavailable", app: { status: "up" }, database: { status: "down" } });
    expect(JSON.stringify(down)).not.toMatch(/postgres(ql)?:|127\.0\.0\.1|password/i);

    // a signed-in user's page needs the database: a clear page, with the request id
    // a session as sign-in issues it, with its sign-in time (sessions without one have ended)
    const session = await encode({ token: { uid: 1, sv: 0, name: "Thử", sat: Math.floor(Date.now() / 1000) }, secret: SECRET });
    await context.addCookies([{ name: "next-auth.session-token", value: session, url: base }]);
    const response = await page.goto(`${base}/dashboard`);
    const requestId = response?.headers()["x-request-id"];
    expect(requestId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    await expect(page.getByRole("heading", { name: "Máy chủ dữ liệu tạm thời không phản hồi" })).toBeVisible();
    await expect(page.getByText("Không có số liệu nào bị mất")).toBeVisible();
    await expect(page.getByTestId("request-id")).toHaveText(requestId as string);
    expect(await page.content()).not.toMatch(/at [\w.]+ \(|node_modules|ECONNREFUSED/);
    await screenshot(page, testInfo, "database-down");
    expect(server.exitCode).toBeNull();

    // the log says what happened, one JSON line per event, without the connection string
    const lines = output.join("").split("\n").filter((line) => line.startsWith("{"));
    const events = lines.map((line) => JSON.parse(line) as { event: string; requestId?: string; status?: number });
    expect(events.some((e) => e.event === "database-unreachable")).toBe(true);
    expect(events.some((e) => e.event === "request" && e.requestId === requestId)).toBe(true);
    expect(lines.join("\n")).not.toMatch(/postgresql:\/\/postgres@|Thử/);

    database.start();
    // up as soon as the database answers; then the server's retry finishes migrating it
    const up = await waitForHealth(base, 200, (body) => body.database?.pendingMigrations === 0);
    expect(up).toMatchObject({ status: "ok", database: { status: "up", pendingMigrations: 0 } });
    expect(server.exitCode).toBeNull();
  } finally {
    server?.kill("SIGTERM");
    database.destroy();
  }
});

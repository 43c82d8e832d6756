import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, chmodSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Runs a command line tool with no DATABASE_URL, so it must start its own embedded
// PostgreSQL in a scratch data directory on a scratch port.
const dir = mkdtempSync(path.join(tmpdir(), "embedded-pg-"));
chmodSync(dir, 0o755);
const port = 55000 + (process.pid % 1000);
const { DATABASE_URL: _configured, ...inherited } = process.env;
const env = { ...inherited, EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(port) };

function migrateCommand() {
  return spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/migrate.ts"], { encoding: "utf8", env });
}

function portOpen(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

describe("embedded PostgreSQL", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts when there is no DATABASE_URL, stops with the process, and keeps its data", async () => {
    const first = migrateCommand();
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Applied: \d+_init/);
    expect(existsSync(path.join(dir, "pg", "PG_VERSION"))).toBe(true);
    expect(await portOpen()).toBe(false); // stopped with the process that started it

    const second = migrateCommand();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/up to date/); // the data survived the restart
    expect(await portOpen()).toBe(false);
  });
});

// A PostgreSQL server of its own for tests that stop, restart or starve the database: the
// embedded binaries on a temporary data directory and a free port, never the shared test
// server. Trust authentication on 127.0.0.1 only; removed by destroy().
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { postgresOwner, runPostgresTool } from "@/lib/db/embedded";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class ThrowawayPostgres {
  private constructor(readonly port: number, private readonly dir: string) {}

  static async create(): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(path.join(tmpdir(), "vneid-pg-"));
    const owner = postgresOwner();
    if (owner) chownSync(dir, owner.uid, owner.gid);
    runPostgresTool("initdb", [`--pgdata=${path.join(dir, "data")}`, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C", "--no-sync"]);
    const server = new ThrowawayPostgres(await freePort(), dir);
    server.start();
    return server;
  }

  url(database = "postgres"): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    runPostgresTool("pg_ctl", ["start", "-D", path.join(this.dir, "data"), "-l", path.join(this.dir, "log"), "-w", "-t", "60", "-o", `-p ${this.port} -h 127.0.0.1 -k '' -c fsync=off`]);
  }

  /** `fast` ends every session (in-flight transactions roll back); `immediate` is a crash. */
  stop(mode: "fast" | "immediate" = "fast"): void {
    runPostgresTool("pg_ctl", ["stop", "-D", path.join(this.dir, "data"), "-m", mode, "-w"]);
  }

  destroy(): void {
    try {
      this.stop("immediate");
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// What every command line tool does first: find the database (DATABASE_URL or the embedded
// server), bring its schema up to date, and hand the data layer a client.
import { createPrismaClient, setDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { resolveDatabaseUrl } from "@/lib/db/url";

export async function openDatabase(options: { migrate?: boolean } = {}): Promise<{ url: string; client: Db }> {
  const url = await resolveDatabaseUrl();
  if (options.migrate !== false) await migrate(url);
  process.env.DATABASE_URL ??= url;
  const client = createPrismaClient(url);
  setDb(client);
  return { url, client };
}

/** Runs a command: a readable message and exit status 1 on failure, never a stack trace. */
export function runCommand(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Lỗi / Error: ${message}`); // i18n-data: CLI output for operators, in both languages at once
      if (process.env.DEBUG) console.error(error);
      process.exit(1);
    },
  );
}

/** Parses `--name value` and `--flag` arguments. */
export function parseArgs(argv: string[]): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2);
      if (inline !== undefined) options[name] = inline;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) options[name] = argv[++i];
      else options[name] = true;
    } else positional.push(arg);
  }
  return { positional, options };
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

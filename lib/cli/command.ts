// What every command line tool shares that needs no database: the exit status and message on
// failure, arguments, standard input. (`npm run build` uses it without loading Prisma.)
import path from "node:path";
import { classifyError } from "@/lib/data/db-errors";
import { userText } from "@/lib/data/errors";

/**
 * A refusal meant for the operator (a missing argument, an unknown user, a file that is not
 * there): its message is printed as it is. Anything else a command throws is unexpected.
 */
export class CliError extends Error {
  override name = "CliError";
}

/**
 * What the operator is told of a failure: a CliError's own words, a typed refusal's (AppError)
 * or an outage's message, in the catalogue's words; anything else is logged (a JSON line with
 * an error id, lib/observability/errors.ts) and told by its id only, never its own text, which
 * may carry SQL, paths or data.
 */
export function failureMessage(error: unknown, where: string): string {
  if (error instanceof CliError) return error.message;
  const found = classifyError(error, where);
  if (found.kind === "outage") return found.message;
  if (found.kind === "refused") return userText(found.error);
  return `lỗi ngoài dự kiến, đã ghi vào nhật ký với mã ${found.errorId} / unexpected error, logged with id ${found.errorId}`; // i18n-data: CLI output for operators, in both languages at once
}

/** Runs a command: a readable message and exit status 1 on failure, never a stack trace. */
export function runCommand(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(`Lỗi / Error: ${failureMessage(error, `cli ${path.basename(process.argv[1] ?? "")}`)}`); // i18n-data: CLI output for operators, in both languages at once
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

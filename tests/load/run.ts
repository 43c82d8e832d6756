// `npm run loadtest [-- --duration 60 --writers 200 --readers 100 --refused-share 0.1 --max-requests N]`
// The daily cutoff, simulated on this machine only (127.0.0.1): the production build (built
// first when missing) on its own database with the demo province; `writers` district users
// save their communes' daily grids through POST /api/v1/daily while `readers` load the
// dashboards (READ_PATHS in config.ts), for `duration` seconds and at most `max-requests`
// requests. Then it checks the database (verify.ts), prints throughput, latency percentiles,
// errors and the verification, saves them to test-results/loadtest.json, and exits 0 only
// when nothing was lost or duplicated and no answer was a 5xx. `--through-prism`: the saves go
// through Prism's validating proxy (prism.ts), and any answer not conforming to the API
// document fails the run too.
// `--base-url URL --database-url URL`: against a server already running on a database already
// seeded with the demo (the cluster's nginx and primary), instead of a server of its own.
import { parseArgs } from "@/lib/cli/command";
import { DEFAULTS } from "./config";
import { runLoadTest } from "./load-test";

function numberOption(options: Record<string, string | true>, name: string, fallback: number): number {
  const value = options[name];
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a number`);
  return parsed;
}

const stringOption = (options: Record<string, string | true>, name: string) => (typeof options[name] === "string" ? options[name] : undefined);

async function main(): Promise<number> {
  const { options } = parseArgs(process.argv.slice(2));
  const outcome = await runLoadTest({
    duration: numberOption(options, "duration", DEFAULTS.durationSeconds),
    writers: Math.floor(numberOption(options, "writers", DEFAULTS.writers)),
    readers: Math.floor(numberOption(options, "readers", DEFAULTS.readers)),
    refusedShare: numberOption(options, "refused-share", DEFAULTS.refusedShare),
    maxRequests: Math.floor(numberOption(options, "max-requests", DEFAULTS.maxRequests)),
    baseUrl: stringOption(options, "base-url"),
    databaseUrl: stringOption(options, "database-url"),
    throughPrism: options["through-prism"] === true,
  });
  return outcome.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Load test failed to run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

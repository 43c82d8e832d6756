// `npm run loadtest -- --through-prism`: the writers' traffic (POST /api/v1/daily) goes through
// Stoplight Prism's validating proxy (`prism proxy`, @stoplight/prism-cli), which checks every
// answer against the API document the server publishes (/api/v1/openapi.json) and logs each
// violation; the readers load pages, which the document does not describe, so they go to the
// server directly. See docs/api-contract.md.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, writeFileSync } from "node:fs";
import { freePort } from "../support/throwaway-postgres";

export interface ValidatingProxy {
  url: string;
  /** the answers Prism found not conforming to the document, as it logged them */
  responseViolations(): string[];
  stop(): Promise<void>;
}

export async function startValidatingProxy(upstream: string): Promise<ValidatingProxy> {
  const document = await fetch(`${upstream}/api/v1/openapi.json`).then((r) => r.text());
  writeFileSync("test-results/loadtest-openapi.json", document);
  const port = await freePort();
  const prism: ChildProcess = spawn(process.execPath, [
    "node_modules/@stoplight/prism-cli/dist/index.js", "proxy", "test-results/loadtest-openapi.json", upstream,
    "--port", String(port), "--host", "127.0.0.1", "--errors=false", "-v", "warn",
  ], { stdio: ["ignore", "pipe", "pipe"] });
  const violations: string[] = [];
  const log = createWriteStream("test-results/loadtest-prism.log");
  const read = (chunk: Buffer) => {
    log.write(chunk);
    for (const line of chunk.toString().split("\n")) if (/Violation: response/.test(line)) violations.push(line.trim());
  };
  prism.stdout?.on("data", read);
  prism.stderr?.on("data", read);
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (prism.exitCode !== null) throw new Error("prism exited; see test-results/loadtest-prism.log");
    if (await fetch(`${url}/api/v1/openapi.json`).then(() => true, () => false)) break;
    if (attempt > 600) throw new Error("prism did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    responseViolations: () => [...violations],
    stop: async () => {
      if (prism.exitCode === null) {
        const exited = new Promise((resolve) => prism.once("exit", resolve));
        prism.kill("SIGTERM");
        await exited;
      }
      log.end();
    },
  };
}

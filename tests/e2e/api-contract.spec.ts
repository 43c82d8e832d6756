// The API contract against the production build, checked by tools we did not write: Portman
// (@apideck/portman) turns the document this server publishes (/api/v1/openapi.json) into
// contract tests (status, content type, JSON body, JSON schema, headers) and variation tests
// (without a token, a token that does not exist, a day that does not exist, fuzzed parameters
// and bodies, an unknown unit) per tests/contract/portman-config.json, and Newman runs them
// against this server with real API tokens, bounded in requests and time. Every assertion must
// pass and no answer may be a 5xx. And the reference page /api/docs renders the document with
// the scripts this server serves, nothing from elsewhere. See docs/api-contract.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const OUT = "test-results/contract";
/** at most this many requests (the collection has about 40) and this long for the whole run */
const MAX_REQUESTS = 80;
const RUN_TIMEOUT_MS = 120_000;

function run(command: string, args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const result = spawnSync(process.execPath, args.length ? [command, ...args] : [command], {
    cwd, encoding: "utf8", timeout: RUN_TIMEOUT_MS + 30_000, env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { status: result.status, output: `${result.stdout ?? ""}\n${result.stderr ?? ""}` };
}

/** A fresh API token for a demo user, issued by the product's own command (npm run token). */
function tokenFor(username: string): string {
  const issued = run(path.resolve("node_modules/tsx/dist/cli.mjs"), ["--conditions=react-server", "lib/cli/token.ts", "--user", username, "--name", `contract ${username}`, "--days", "1"], { DATABASE_URL: process.env.E2E_DATABASE_URL ?? "" });
  const token = issued.output.match(/vneid_[A-Za-z0-9_-]+/)?.[0];
  if (!token) throw new Error(`no token for ${username}: ${issued.output.slice(-500)}`);
  return token;
}

interface NewmanReport {
  run: {
    stats: { requests: { total: number; failed: number }; assertions: { total: number; failed: number } };
    executions: { item: { name: string }; response?: { code: number } }[];
    failures: { source?: { name?: string }; error: { test?: string; message: string } }[];
  };
}

test("Portman's contract and variation tests, generated from the served document, pass under Newman", async ({ request, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one run of the API's contract is enough: the screen width changes nothing for an API");
  test.setTimeout(RUN_TIMEOUT_MS * 2 + 60_000);
  mkdirSync(OUT, { recursive: true });
  const served = await request.get("/api/v1/openapi.json");
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toContain("application/json");
  writeFileSync(`${OUT}/openapi.json`, await served.text());

  const portman = run(path.resolve("node_modules/@apideck/portman/bin/portman"), [
    "-l", "openapi.json", "-b", baseURL!, "-c", path.resolve("tests/contract/portman-config.json"), "-o", "collection.json",
  ], {}, OUT);
  expect(portman.status, portman.output).toBe(0);

  const collection = JSON.parse(readFileSync(`${OUT}/collection.json`, "utf8")) as { item: unknown[] };
  const count = (items: unknown[]): number => items.reduce<number>((n, i) => n + ((i as { item?: unknown[] }).item ? count((i as { item: unknown[] }).item) : 1), 0);
  const requests = count(collection.item);
  expect(requests).toBeGreaterThan(20);
  expect(requests).toBeLessThanOrEqual(MAX_REQUESTS);

  const newman = run(path.resolve("node_modules/newman/bin/newman.js"), [
    "run", "collection.json", "--env-var", `baseUrl=${baseURL}`, "--env-var", `bearerToken=${tokenFor("tinh")}`, "--env-var", `writerToken=${tokenFor("tamnghia")}`,
    "--timeout", String(RUN_TIMEOUT_MS), "--timeout-request", "30000", "--disable-unicode", "--color", "off",
    "--reporters", "cli,json", "--reporter-json-export", "newman.json",
  ], {}, OUT);
  const report = JSON.parse(readFileSync(`${OUT}/newman.json`, "utf8")) as NewmanReport;
  const { stats, failures, executions } = report.run;
  const summary = `Newman: ${stats.requests.total} requests, ${stats.assertions.total} assertions, ${stats.assertions.failed} failed`;
  console.log(summary);
  await testInfo.attach("newman", { body: newman.output, contentType: "text/plain" });
  expect(failures.map((f) => `${f.source?.name ?? "?"}: ${f.error.test ?? ""} ${f.error.message}`.slice(0, 400)), newman.output.slice(-4000)).toEqual([]);
  expect(newman.status).toBe(0);
  expect(stats.requests.total).toBe(requests);
  expect(stats.assertions.total).toBeGreaterThan(requests * 2);
  expect(executions.filter((e) => (e.response?.code ?? 0) >= 500).map((e) => e.item.name)).toEqual([]);
});

test("the reference page renders the document with this server's scripts only", async ({ page, baseURL }, testInfo) => {
  const elsewhere: string[] = [];
  const refused: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if ((url.protocol === "http:" || url.protocol === "https:") && url.origin !== new URL(baseURL!).origin) elsewhere.push(r.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error") refused.push(message.text());
  });
  page.on("response", (r) => {
    if (r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
  });
  const answer = await page.goto("/api/docs");
  expect(answer?.status()).toBe(200);
  expect(answer?.headers()["content-security-policy"]).toContain("script-src 'self'");
  await expect(page.getByRole("heading", { name: /VNeID activation progress API/ })).toBeVisible();
  for (const operation of ["Units by parent", "One unit", "Ranking of units", "Progress of a unit", "Save daily figures", "Weekly report file"]) {
    await expect(page.getByRole("heading", { name: new RegExp(`${operation}$`) }).first()).toBeVisible();
  }
  // the page is long: its first screen is what people look at
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-api-docs.png` });
  // and an operation, with its Vietnamese example answer
  await page.getByRole("heading", { name: /Ranking of units$/ }).first().scrollIntoViewIfNeeded();
  await expect(page.getByText("Thành phố Hội An").first()).toBeAttached();
  await page.screenshot({ path: `test-results/screenshots/${testInfo.project.name}-api-docs-ranking.png` });
  expect(elsewhere).toEqual([]);
  expect(refused).toEqual([]);
});

// The API's answers against its published document (lib/api/openapi.ts), checked by a tool we
// did not write: Stoplight Prism's validating proxy (`prism proxy`, @stoplight/prism-cli) stands
// between the client and the route handlers (served over HTTP by this test, on the hostile
// suite's world) and reports every answer that does not conform to the document (status,
// headers, content type, body) in an `sl-violations` header. The traffic: a representative
// set of good requests, then inputs drawn from the hostile-input suite's own arbitraries
// (hostile/surfaces*.ts) for every /api/v1 surface. No answer may violate the document, none
// may be a 5xx, and every JSON answer is also parsed with the same zod schema the document
// was generated from (strict: a key the document does not name fails). See docs/api-contract.md.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { POST as postDaily } from "@/app/api/v1/daily/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as getProgress } from "@/app/api/v1/progress/route";
import { GET as getRankings } from "@/app/api/v1/rankings/route";
import { GET as getWeeklyReport } from "@/app/api/v1/reports/weekly/route";
import { GET as getUnit } from "@/app/api/v1/units/[code]/route";
import { GET as getUnits } from "@/app/api/v1/units/route";
import { openApiDocument } from "@/lib/api/openapi";
import {
  dailyWrittenAnswerSchema, errorAnswerSchema, progressAnswerSchema, rankingAnswerSchema, unitDetailAnswerSchema, unitListAnswerSchema,
} from "@/lib/validation/api-answers";
import { resetDatabase } from "./helpers";
import { apiDaily } from "./hostile/surfaces";
import { apiProgress, apiRankings, apiUnit, apiUnits, apiWeeklyReport } from "./hostile/surfaces-more";
import { signInAs } from "./hostile/signed-in";
import { buildWorld, districtToken } from "./hostile/world";

vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  getServerSession: async () => (await import("./hostile/signed-in")).currentSession(),
}));

type Handler = (request: Request) => Promise<Response> | Response;

/** The route handlers by method and path, as app/api/v1 serves them (the drift test, tests/unit/openapi-document.test.ts, keeps this list whole). */
const ROUTES: { method: string; path: RegExp; handler: Handler; answer: z.ZodType | null }[] = [
  { method: "GET", path: /^\/api\/v1\/units$/, handler: getUnits, answer: unitListAnswerSchema },
  { method: "GET", path: /^\/api\/v1\/units\/[^/]*$/, handler: getUnit, answer: unitDetailAnswerSchema },
  { method: "GET", path: /^\/api\/v1\/rankings$/, handler: getRankings, answer: rankingAnswerSchema },
  { method: "GET", path: /^\/api\/v1\/progress$/, handler: getProgress, answer: progressAnswerSchema },
  { method: "GET", path: /^\/api\/v1\/reports\/weekly$/, handler: getWeeklyReport, answer: null },
  { method: "POST", path: /^\/api\/v1\/daily$/, handler: postDaily, answer: dailyWrittenAnswerSchema },
  { method: "GET", path: /^\/api\/v1\/openapi\.json$/, handler: getOpenApi, answer: null },
];

function routeOf(method: string, rawPath: string) {
  return ROUTES.find((r) => r.method === method && r.path.test(rawPath.split("?")[0]));
}

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i < message.rawHeaders.length; i += 2) headers.append(message.rawHeaders[i], message.rawHeaders[i + 1]);
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const hasBody = message.method !== "GET" && message.method !== "HEAD";
  return new Request(`${origin}${message.url}`, { method: message.method, headers, ...(hasBody ? { body: Buffer.concat(chunks) } : {}) });
}

/** The route handlers over HTTP, as `next start` would serve them (a route that does not exist: 404). */
function serveHandlers(): Promise<Server> {
  const server = createServer((message, reply) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    void (async () => {
      try {
        await signInAs(null); // no browser session: a bearer token, or nothing
        const route = routeOf(message.method ?? "GET", message.url ?? "/");
        const response = route ? await route.handler(await toRequest(message, origin)) : new Response(null, { status: 404 });
        let body = Buffer.from(await response.arrayBuffer());
        // the check's own control: an answer broken on purpose (an undocumented key) must be reported
        if (message.headers["x-break-answer"]) body = Buffer.from(JSON.stringify({ ...(JSON.parse(body.toString()) as object), undocumented: true }));
        response.headers.delete("content-length");
        reply.writeHead(response.status, { ...Object.fromEntries(response.headers), "x-answered-by": "handlers" });
        reply.end(body);
      } catch {
        reply.writeHead(599).end(); // a handler that throws: counted as a 5xx below
      }
    })();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function startPrism(documentFile: string, upstream: string): Promise<{ prism: ChildProcess; url: string }> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const prism = spawn(process.execPath, ["node_modules/@stoplight/prism-cli/dist/index.js", "proxy", documentFile, upstream, "--port", String(port), "--host", "127.0.0.1", "--errors=false", "-v", "warn"], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  prism.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  prism.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  prism.on("exit", (code) => {
    if (code) console.error(`prism exited (${code}): ${log.slice(-3000)}`);
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 400; attempt++) {
    if (prism.exitCode !== null) throw new Error(`prism exited: ${log}`);
    if (await fetch(`${url}/api/v1/openapi.json`).then(() => true, () => false)) return { prism, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`prism did not start: ${log}`);
}

interface Sent {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Seen {
  label: string;
  status: number;
  /** Prism's findings about the answer (its findings about the request are expected for hostile input) */
  responseViolations: unknown[];
  /** the answer did not parse with the schema the document was generated from */
  schemaProblem: string | null;
  /** Prism answered itself (it could not forward the request): nothing about the server is learnt */
  answeredByPrism: boolean;
}

describe("the API's answers conform to its OpenAPI document (Prism's validating proxy)", () => {
  let server: Server;
  let prism: ChildProcess;
  let base = "";
  const seen: Seen[] = [];

  beforeAll(async () => {
    await buildWorld(await resetDatabase());
    mkdirSync("test-results/openapi", { recursive: true });
    writeFileSync("test-results/openapi/prism-document.json", JSON.stringify(openApiDocument("/"), null, 2));
    server = await serveHandlers();
    ({ prism, url: base } = await startPrism("test-results/openapi/prism-document.json", `http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });

  afterAll(async () => {
    prism?.kill("SIGTERM");
    await new Promise((resolve) => server?.close(resolve));
    writeFileSync("test-results/openapi/prism-results.json", JSON.stringify(seen, null, 2));
  });

  async function send(request: Sent): Promise<Seen> {
    const response = await fetch(`${base}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
    const text = await response.text();
    const header = response.headers.get("sl-violations");
    let violations: { location?: unknown[] }[] = [];
    if (header) violations = header.startsWith("Too many violations!") ? [{ location: ["response", "(truncated)"] }] : (JSON.parse(header) as typeof violations);
    const answeredByPrism = response.headers.get("x-answered-by") !== "handlers";
    let schemaProblem: string | null = null;
    const route = routeOf(request.method, request.path);
    if (!answeredByPrism && (response.headers.get("content-type") ?? "").startsWith("application/json")) {
      const schema = response.status === 200 ? route?.answer : errorAnswerSchema;
      if (schema) {
        const parsed = schema.safeParse(JSON.parse(text));
        if (!parsed.success) schemaProblem = parsed.error.message.slice(0, 500);
      }
    }
    const result = { label: request.label, status: response.status, responseViolations: violations.filter((v) => v.location?.[0] === "response"), schemaProblem, answeredByPrism };
    seen.push(result);
    return result;
  }

  const token = () => ({ authorization: `Bearer ${districtToken()}` });

  it("passes a representative set of good and refused requests, every answer as documented", async () => {
    const withToken: Sent[] = [
      { label: "roots", method: "GET", path: "/api/v1/units" },
      { label: "children", method: "GET", path: "/api/v1/units?parent=90&asOf=2023-06-01" },
      { label: "one unit", method: "GET", path: "/api/v1/units/901" },
      { label: "one unit on a day", method: "GET", path: "/api/v1/units/90101?asOf=2023-06-01" },
      { label: "ranking", method: "GET", path: "/api/v1/rankings?parent=901&metric=activated&asOf=2023-06-01" },
      { label: "ranking by level", method: "GET", path: "/api/v1/rankings?parent=901&level=3&asOf=2023-06-01" },
      { label: "progress", method: "GET", path: "/api/v1/progress?unit=901&metric=dossiers&asOf=2023-06-01" },
      { label: "weekly csv", method: "GET", path: "/api/v1/reports/weekly?unit=901&week=2023-W22&format=csv" },
      { label: "weekly xlsx", method: "GET", path: "/api/v1/reports/weekly?unit=901&week=2023-W22&format=xlsx" },
      { label: "bad day", method: "GET", path: "/api/v1/progress?unit=901&asOf=2023-02-30" },
      { label: "unknown unit", method: "GET", path: "/api/v1/units/99999" },
      { label: "out of scope", method: "GET", path: "/api/v1/progress?unit=902&asOf=2023-06-01" },
      { label: "unknown metric", method: "GET", path: "/api/v1/rankings?parent=901&metric=nothing" },
      { label: "bad format", method: "GET", path: "/api/v1/reports/weekly?unit=901&week=2023-W22&format=exe" },
      { label: "save", method: "POST", path: "/api/v1/daily", headers: { "content-type": "application/json", "idempotency-key": "contract-0001" }, body: JSON.stringify({ rows: [{ date: "2023-06-02", unitCode: "90101", metric: "dossiers", value: 3 }] }) },
      { label: "save, bad row", method: "POST", path: "/api/v1/daily", headers: { "content-type": "application/json" }, body: JSON.stringify({ rows: [{ date: "2023-06-02", unitCode: "90101", metric: "dossiers", value: -3 }] }) },
      { label: "save, out of scope", method: "POST", path: "/api/v1/daily", headers: { "content-type": "application/json" }, body: JSON.stringify({ rows: [{ date: "2023-06-02", unitCode: "90201", metric: "dossiers", value: 3 }] }) },
      { label: "save, no rows", method: "POST", path: "/api/v1/daily", headers: { "content-type": "application/json" }, body: JSON.stringify({ rows: [] }) },
    ];
    const requests: Sent[] = withToken.map((r) => ({ ...r, headers: { ...token(), ...r.headers } }));
    requests.push({ label: "no token", method: "GET", path: "/api/v1/units" }, { label: "bad token", method: "GET", path: "/api/v1/units", headers: { authorization: "Bearer vneid_nothing" } });
    requests.push({ label: "the document", method: "GET", path: "/api/v1/openapi.json" });
    const results = [];
    for (const request of requests) results.push(await send(request));
    console.log(`Through Prism: ${results.length} representative requests`);
    expect(results.filter((r) => r.answeredByPrism)).toEqual([]);
    expect(results.filter((r) => r.responseViolations.length > 0 || r.schemaProblem !== null || r.status >= 500)).toEqual([]);
    // the set covers what it claims to: successes and each refusal
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([200, 400, 401, 403, 404]));
  });

  it("reports an answer that does not conform (the check itself works)", async () => {
    const broken = await send({ label: "broken on purpose", method: "GET", path: "/api/v1/progress?unit=901&asOf=2023-06-01", headers: { ...token(), "x-break-answer": "1" } });
    expect(broken).toMatchObject({ status: 200, answeredByPrism: false });
    expect(broken.responseViolations).toEqual([expect.objectContaining({ location: ["response", "body"] })]);
    expect(broken.schemaProblem).toContain("undocumented");
    seen.pop();
  });

  it("passes the hostile-input suite's requests to /api/v1, every answer as documented", async () => {
    const requests: Sent[] = [];
    const auth = (a: string): Record<string, string> => (a === "token" ? token() : a === "none" ? {} : { authorization: a });
    const runs = { numRuns: 40, seed: 26 };
    for (const [surface, path] of [[apiUnits, "/api/v1/units"], [apiRankings, "/api/v1/rankings"], [apiProgress, "/api/v1/progress"], [apiWeeklyReport, "/api/v1/reports/weekly"]] as const) {
      for (const { query, auth: a } of fc.sample(surface.input, runs)) requests.push({ label: surface.name, method: "GET", path: `${path}${query ? `?${query}` : ""}`, headers: auth(a) });
    }
    for (const { code, query, auth: a } of fc.sample(apiUnit.input, runs)) requests.push({ label: apiUnit.name, method: "GET", path: `/api/v1/units/${code}${query ? `?${query}` : ""}`, headers: auth(a) });
    for (const { body, auth: a, key } of fc.sample(apiDaily.input, runs)) {
      requests.push({ label: apiDaily.name, method: "POST", path: "/api/v1/daily", body, headers: { "content-type": "application/json", ...(a === "token" ? token() : a === "none" ? {} : { authorization: a }), ...(key === undefined ? {} : { "idempotency-key": key }) } });
    }
    // Prism 5.14 itself crashes on a path with a broken %-escape (uri-template-lite's
    // decodeURIComponent): those few go to the handlers directly and must not be a 5xx.
    const decodable = (path: string) => path.split("?")[0].split("/").every((segment) => {
      try {
        decodeURIComponent(segment);
        return true;
      } catch {
        return false;
      }
    });
    const direct = requests.filter((r) => !decodable(r.path));
    for (const request of direct) {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
      expect(response.status, request.path).toBeLessThan(500);
    }
    const results = [];
    for (const request of requests.filter((r) => decodable(r.path))) {
      const result = await send(request).catch((error: unknown) => ({ label: request.label, status: 0, responseViolations: [], schemaProblem: `not sent: ${String(error)}`, answeredByPrism: true }));
      results.push({ ...result, path: request.path.slice(0, 200) });
    }
    const forwarded = results.filter((r) => !r.answeredByPrism);
    console.log(`Through Prism: ${results.length} of the hostile suite's requests, ${forwarded.length} forwarded to the handlers and checked, ${results.length - forwarded.length} answered by Prism itself; ${direct.length} with a broken %-escape sent directly`);
    expect(forwarded.length).toBeGreaterThan(results.length * 0.8);
    expect(forwarded.filter((r) => r.responseViolations.length > 0 || r.schemaProblem !== null || r.status >= 500)).toEqual([]);
  });
});

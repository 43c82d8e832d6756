// The production server (`npm start`): Next.js behind a plain Node HTTP server that gives
// every request an id (the `x-request-id` response header, and a cookie the error pages
// read) and writes one JSON log line per request: id, method, path without secrets, status,
// duration, and the user id the app recorded (never a name). Plain JavaScript, run by node
// itself: Next's server must not run under the TypeScript loader of the command line tools.
//   node lib/observability/http-server.mjs [--port N] [--hostname H]
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import { applyTrustedForwarding, parseTrustProxy } from "../auth/trusted-proxy.mjs";
import { formatLogLine, safePath } from "./log-format.mjs";

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
const COOKIE = "vneid_rid";

function option(names, fallback) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split("=", 2);
    if (names.includes(name)) return inline ?? args[i + 1] ?? fallback;
  }
  return fallback;
}

const port = Number(option(["--port", "-p"], process.env.PORT ?? "3000"));
const hostname = option(["--hostname", "-H"], process.env.HOSTNAME ?? "0.0.0.0");
// Forwarded headers are believed only from the proxies TRUST_PROXY names; a wrong value stops
// the start here rather than silently trusting every client.
const trustedProxies = parseTrustProxy(process.env.TRUST_PROXY);
const contexts = new AsyncLocalStorage();
globalThis[Symbol.for("vneid.requestContext")] = contexts;

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** Adds a cookie to whatever cookies the app sets, when headers go out. */
function withCookie(res, cookie) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (!res.headersSent) {
      const existing = res.getHeader("set-cookie");
      const cookies = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
      res.setHeader("set-cookie", [...cookies, cookie]);
    }
    return writeHead.apply(this, args);
  };
}
const withRequestIdCookie = (res, id) => withCookie(res, `${COOKIE}=${id}; Path=/; SameSite=Lax`);

// With a read replica (DATABASE_REPLICA_URL), a request that writes, and every request of the
// same browser for REPLICA_STICKY_SECONDS after it, reads from the primary (lib/db/client.ts,
// onReplica): nobody sees their own save missing because the replica is a moment behind.
const PRIMARY_COOKIE = "vneid_primary";
const STICKY_SECONDS = Math.max(1, Number(process.env.REPLICA_STICKY_SECONDS ?? 10) || 10);
const hasReplica = Boolean(process.env.DATABASE_REPLICA_URL);
const PRIMARY_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${PRIMARY_COOKIE}=1(?:;|$)`);

// Admission control: at most this many requests inside Next.js at once, the others wait
// their turn in arrival order. On an overloaded machine every request then finishes in its
// turn, instead of all of them sharing the CPU until none finishes in time.
const MAX_IN_FLIGHT = Math.max(1, Number(process.env.HTTP_MAX_IN_FLIGHT ?? 24));
let inFlight = 0;
const waiting = [];

function admit(run) {
  if (inFlight < MAX_IN_FLIGHT) {
    inFlight++;
    run();
  } else waiting.push(run);
}

function release() {
  const next = waiting.shift();
  if (next) next();
  else inFlight--;
}

const server = createServer((req, res) => {
  const started = process.hrtime.bigint();
  applyTrustedForwarding(req.headers, req.socket.remoteAddress, trustedProxies);
  const incoming = req.headers["x-request-id"];
  const context = { requestId: typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID() };
  req.headers["x-request-id"] = context.requestId;
  res.setHeader("x-request-id", context.requestId);
  const path = req.url ?? "/";
  const isAsset = path.startsWith("/_next/static/") || path.startsWith("/favicon");
  // Pages (and their server actions) only: an API answer carries the header, and must not
  // overwrite the id of the page a person is looking at (the error page asks /api/health).
  // Nor the public board (/cong-khai/...), which sets no cookie so that any cache may keep it.
  if (!isAsset && !path.startsWith("/api/") && !path.startsWith("/_next/") && !path.startsWith("/cong-khai/")) withRequestIdCookie(res, context.requestId);
  const writes = req.method !== "GET" && req.method !== "HEAD";
  if (hasReplica) {
    context.readsFromPrimary = writes || PRIMARY_COOKIE_PATTERN.test(req.headers.cookie ?? "");
    if (writes) withCookie(res, `${PRIMARY_COOKIE}=1; Path=/; Max-Age=${STICKY_SECONDS}; HttpOnly; SameSite=Lax`);
  }
  res.once("close", () => {
    if (isAsset && res.statusCode < 400) return;
    const status = res.writableFinished ? res.statusCode : 499;
    process.stdout.write(formatLogLine(status >= 500 ? "error" : "info", "request", {
      requestId: context.requestId,
      method: req.method,
      path: safePath(path),
      status,
      durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      userId: context.userId,
    }));
  });
  let released = false;
  const done = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  admit(() => {
    if (res.destroyed || req.destroyed) return done();
    res.once("close", done);
    contexts.run(context, () => handle(req, res));
  });
});

server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// One request may not hold a socket forever (a slow or stalled upload).
server.requestTimeout = 120_000;
server.listen(port, hostname, () => {
  process.stdout.write(formatLogLine("info", "listening", { url: `http://${hostname}:${port}` }));
});
function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, shutdown);
// Started by `npm start` (lib/cli/serve.ts): when that process is gone, however it ended
// (even killed outright), this server goes too instead of living on as an orphan.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown();
}, 2_000).unref();

// What `npm run loadtest` does by default (each can be changed on the command line:
// --duration SECONDS --writers N --readers N --refused-share 0..1 --max-requests N).
export const DEFAULTS = {
  durationSeconds: 60,
  writers: 200,
  readers: 100,
  /** one save in ten is built to be refused (outside the user's scope, or breaking the funnel) */
  refusedShare: 0.1,
  /** one save in seven is followed by a retry of the same request (same Idempotency-Key) */
  retryEvery: 7,
  /** a hard bound whatever the duration */
  maxRequests: 400_000,
  /** seconds a request may take before autocannon counts it as a timeout (and sends it again) */
  timeoutSeconds: 120,
};

/**
 * What the simulated readers load, in turn: add the rankings and overview pages and API
 * routes here as they are built (one line each).
 */
export const READ_PATHS = [
  "/dashboard",
  "/dashboard?metric=accounts",
  "/dashboard?metric=dossiers",
  "/audit",
  "/api/health",
];

/** The demo user the readers sign in as (provincial police: sees everything in the province). */
export const READER = { username: "tinh", password: "demo-vneid-2026" };

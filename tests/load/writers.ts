// The simulated district users: each connection is one user saving the day's grid for their
// own communes through POST /api/v1/daily, one request after another, each with its own
// Idempotency-Key. Every save changes every cell (the day's counts grow), so each accepted
// save must leave exactly one audit event per cell. Some saves are built to be refused
// (another district's commune: 403; activated above accounts: 400) and carry "poison"
// values that must never be found in the database; some are retried with the same key.
import { randomUUID } from "node:crypto";
import type { AutocannonClient } from "autocannon";
import type { SimUser } from "./setup";

export const METRICS = ["dossiers", "accounts", "activated", "cccd"] as const;
export const NORMAL = 100_000;
export const POISON = 500_000;

export type SaveKind = "save" | "refuse-scope" | "refuse-funnel" | "retry";

export interface SentSave {
  key: string;
  kind: SaveKind;
  /** the day's count per `${commune}:${metric}` this save writes (for "save" and "retry") */
  values: Record<string, number>;
  body: string;
  status?: number;
  written?: number;
  latencyMs?: number;
}

export interface WriterState {
  sim: SimUser;
  day: string;
  sent: SentSave[];
  sequence: number;
  /** sent when the run stopped, answer never seen: stored once or not at all */
  pending?: SentSave;
}

const row = (date: string, unitCode: string, metric: string, value: number) => ({ date, unitCode, metric, value, kind: "daily" });

/** The day's counts for the n-th save: growing, and dossiers ≥ accounts ≥ activated. */
function counts(n: number, base: number): Record<(typeof METRICS)[number], number> {
  return { dossiers: base + 3 * n + 30, accounts: base + 2 * n + 20, activated: base + n + 10, cccd: base + n + 5 };
}

export function nextSave(state: WriterState, refusedShare: number, retryEvery: number): SentSave {
  const n = state.sequence++;
  const previous = state.sent.at(-1);
  if (retryEvery > 0 && n % retryEvery === retryEvery - 1 && previous?.kind === "save" && previous.status === 200) {
    return { key: previous.key, kind: "retry", values: previous.values, body: previous.body };
  }
  const refuse = refusedShare > 0 && (n + state.sim.index) % Math.round(1 / refusedShare) === 0;
  // far above the demo's own counts, so that every save changes every cell
  const c = counts(n, refuse ? POISON : NORMAL);
  const rows = state.sim.communes.flatMap((commune) => METRICS.map((metric) => row(state.day, commune, metric, c[metric])));
  const values = Object.fromEntries(state.sim.communes.flatMap((commune) => METRICS.map((metric) => [`${commune}:${metric}`, c[metric]])));
  let kind: SaveKind = "save";
  if (refuse && n % 2 === 0) {
    kind = "refuse-scope";
    rows.push(row(state.day, state.sim.foreignCommune, "dossiers", POISON));
  } else if (refuse) {
    kind = "refuse-funnel";
    // more accounts activated than registered, whatever the running totals before
    for (const r of rows) if (r.metric === "activated") r.value = 900_000_000;
  }
  const body = JSON.stringify({ rows, confirmSpikes: true, reason: "Cập nhật số trong ngày (thử tải)" });
  return { key: `load-${randomUUID()}`, kind, values, body };
}

const headersFor = (state: WriterState, save: SentSave) => ({
  authorization: `Bearer ${state.sim.token}`,
  "content-type": "application/json",
  "idempotency-key": save.key,
});

/** Makes an autocannon client behave as one simulated user; `lastBody` carries the body of the response being handled. */
export function driveClient(client: AutocannonClient, state: WriterState, options: { refusedShare: number; retryEvery: number }, lastBody: { text: string }): void {
  let current = nextSave(state, options.refusedShare, options.retryEvery);
  state.pending = current;
  client.setHeadersAndBody(headersFor(state, current), current.body);
  client.on("response", (status, _bytes, responseTime) => {
    current.status = status;
    current.latencyMs = responseTime;
    if (status === 200) {
      try {
        current.written = (JSON.parse(lastBody.text) as { written: number }).written;
      } catch {
        current.written = -1;
      }
    }
    state.sent.push(current);
    current = nextSave(state, options.refusedShare, options.retryEvery);
    state.pending = current;
    client.setHeadersAndBody(headersFor(state, current), current.body);
  });
}

// What the entry grid keeps of what was typed (issue 23): every unsaved cell is a draft, kept on
// the device as it is typed and brought back when the grid opens again. Pure rules; the
// browser keeps the drafts in IndexedDB (components/entry/offline-store.ts).
import { cellId, type GridRef, type SubmittedCell } from "./offline-queue";

/** One box of the grid as the page holds it. */
export interface CellState {
  /** what the user typed, in the box they typed it in; the other box is derived */
  typed: string;
  kind: "daily" | "cumulative";
  /** typed since the grid was loaded or last written: a draft, not yet saved */
  dirty: boolean;
  reason: string;
  /** the cell's version when it was loaded: a save is refused if someone wrote the cell since */
  expectedVersion: number | null;
}

/** The part of a loaded grid these rules read. */
export interface GridCells {
  rows: { unitCode: string; lock: unknown; cells: { metric: string; value: number | null; version: number | null }[] }[];
  canOverrideLocks: boolean;
  /** the last day locked for the whole scope */
  scopeLockedUntil: string | null;
}

/** The grid's cells as loaded: nothing typed. */
export function loadedCells(grid: GridCells): Record<string, CellState> {
  const cells: Record<string, CellState> = {};
  for (const row of grid.rows) {
    for (const cell of row.cells) {
      cells[cellId({ unitCode: row.unitCode, metric: cell.metric })] = { typed: cell.value === null ? "" : String(cell.value), kind: "daily", dirty: false, reason: "", expectedVersion: cell.version };
    }
  }
  return cells;
}

/** The drafts of a grid: its unsaved cells. */
export function draftsOf(cells: Record<string, CellState>): Record<string, CellState> {
  return Object.fromEntries(Object.entries(cells).filter(([, c]) => c.dirty));
}

/**
 * The grid's cells with the drafts kept on the device put back. A draft of a cell the grid no
 * longer shows is dropped, and so is a draft of a commune whose day is now locked (it could
 * never be saved): both counted, for the page to say so.
 */
export function restoreDrafts(grid: GridCells, drafts: Record<string, CellState>): { cells: Record<string, CellState>; restored: number; dropped: number } {
  const cells = loadedCells(grid);
  const locked = new Set(grid.rows.filter((r) => r.lock !== null && !grid.canOverrideLocks).map((r) => r.unitCode));
  let restored = 0;
  let dropped = 0;
  for (const [key, draft] of Object.entries(drafts)) {
    const unitCode = key.split(".")[0];
    if (!(key in cells) || locked.has(unitCode)) {
      dropped += 1;
      continue;
    }
    cells[key] = { ...draft, dirty: true };
    restored += 1;
  }
  return { cells, restored, dropped };
}

/**
 * The grid's cells once a save was written: the grid as the server now has it, except cells
 * typed again since the save was made (they stay drafts, now expecting the version the save
 * wrote, which is the user's own) and drafts the save did not carry.
 */
export function cellsAfterWrite(current: Record<string, CellState>, written: GridCells, submitted: readonly SubmittedCell[]): Record<string, CellState> {
  const fresh = loadedCells(written);
  const sent = new Map(submitted.map((c) => [cellId(c), c]));
  for (const [key, cell] of Object.entries(current)) {
    if (!cell.dirty || !(key in fresh)) continue;
    const carried = sent.get(key);
    if (!carried) fresh[key] = cell;
    else if (carried.value !== cell.typed || carried.kind !== cell.kind || carried.reason !== cell.reason) fresh[key] = { ...cell, expectedVersion: fresh[key].expectedVersion };
  }
  return fresh;
}

/**
 * The drafts kept for days the whole scope has since been locked up to (`until`, the grid's
 * `scopeLockedUntil`): they can never be saved, so the page drops them and says how many cells
 * went. Only the scope's own grids (same `scopeCode`) are judged by its lock.
 */
export function lockedDrafts<D extends { grid: GridRef; cells: Record<string, unknown> }>(drafts: readonly D[], scopeCode: string | null, until: string | null): { drop: D[]; cells: number } {
  if (until === null) return { drop: [], cells: 0 };
  const drop = drafts.filter((d) => d.grid.scopeCode === scopeCode && d.grid.date <= until);
  return { drop, cells: drop.reduce((sum, d) => sum + Object.keys(d.cells).length, 0) };
}

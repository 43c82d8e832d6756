// The public boards' daily publication times (lib/data/public-board.ts, publishDue), kept by
// the process that starts the server (lib/cli/serve.ts): every minute it publishes the
// times that are due and not yet published. Idempotent, so a restart or a second tick in the
// same minute publishes nothing twice; a failure is logged and tried again next minute.
import { createPrismaClient, setDb } from "@/lib/db/client";
import { publishDue } from "@/lib/data/public-board";
import { logLine, scrubMessage } from "@/lib/observability/log";

const EVERY_MS = Number(process.env.PUBLISH_INTERVAL_MS ?? 60_000);

export function startPublicationTimer(url: string): () => void {
  const client = createPrismaClient(url);
  setDb(client);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const published of await publishDue(new Date())) logLine("info", "board-published", published);
    } catch (error) {
      logLine("warn", "board-publish-failed", { message: scrubMessage((error as Error).message) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), EVERY_MS);
  timer.unref();
  void tick();
  return () => {
    clearInterval(timer);
    void client.$disconnect();
  };
}

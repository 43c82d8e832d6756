-- A web import's progress, where every app server behind the load balancer finds it: the
-- server running the import writes it (at most twice a second), the page's polls read it
-- wherever they land (lib/data/import-progress-registry.ts). Rows expire 10 minutes after
-- their last report; no foreign key, so an entry never holds up a user's removal.
CREATE TABLE "import_progress" (
    "id" TEXT NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "touched_at" TIMESTAMPTZ(3) NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "track" JSONB,

    CONSTRAINT "import_progress_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "import_progress_owner_id_seq_idx" ON "import_progress"("owner_id", "seq");
CREATE INDEX "import_progress_seq_idx" ON "import_progress"("seq");
CREATE INDEX "import_progress_touched_at_idx" ON "import_progress"("touched_at");

-- The public progress board (issue 21): a unit's board settings, and its publications, each
-- a frozen snapshot of the figures as of its cutoff (like an issued weekly report).
CREATE TABLE "public_board" (
    "unit_id" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "metrics" JSONB NOT NULL,
    "ranking_metric" TEXT NOT NULL,
    "show_ranking" BOOLEAN NOT NULL DEFAULT true,
    "show_praise" BOOLEAN NOT NULL DEFAULT false,
    "times" JSONB NOT NULL,
    "frame_origins" JSONB NOT NULL,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "public_board_pkey" PRIMARY KEY ("unit_id")
);

CREATE TABLE "board_publication" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "stamp" TEXT NOT NULL,
    "cutoff" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" INTEGER,
    "published_by_name" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "board_publication_pkey" PRIMARY KEY ("id")
);

-- one publication per cutoff: a scheduled time published twice is the same publication
CREATE UNIQUE INDEX "board_publication_unit_id_stamp_key" ON "board_publication"("unit_id", "stamp");
CREATE INDEX "board_publication_unit_id_cutoff_idx" ON "board_publication"("unit_id", "cutoff");

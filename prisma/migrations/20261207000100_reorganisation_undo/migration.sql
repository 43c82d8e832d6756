-- Undoing a reorganisation (issue 20): the units it ended are those whose end it set (their
-- dissolved_on is cleared again), and the names and types the units it continued had before
-- it renamed them (restored).
ALTER TABLE "unit" ADD COLUMN "ended_by_reorganisation_id" INTEGER REFERENCES "unit_reorganisation" ("id") ON DELETE RESTRICT;
CREATE INDEX "unit_ended_by_reorganisation_idx" ON "unit" ("ended_by_reorganisation_id");
CREATE INDEX "unit_reorganisation_idx" ON "unit" ("reorganisation_id");

ALTER TABLE "unit_reorganisation" ADD COLUMN "renamed" JSONB NOT NULL DEFAULT '[]';

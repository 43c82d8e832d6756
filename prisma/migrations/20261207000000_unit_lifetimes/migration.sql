-- Units over time (issue 20). A unit lives from `valid_from` (NULL: always) to the day before
-- `dissolved_on` (NULL: still), and a code names a unit only together with a date: the 2025
-- reorganisation reuses old codes for new units (`00004` was Phường Trúc Bạch until
-- 30/06/2025 and is Phường Ba Đình from 01/07/2025). Codes are therefore unique among the
-- units valid on any one day, not forever; the exclusion constraint says so.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "unit" ADD COLUMN "valid_from" DATE;
ALTER TABLE "unit" ADD CONSTRAINT "unit_lifetime_ordered" CHECK ("valid_from" IS NULL OR "dissolved_on" IS NULL OR "valid_from" < "dissolved_on");

DROP INDEX "unit_code_key";
CREATE INDEX "unit_code_idx" ON "unit" ("code");
ALTER TABLE "unit" ADD CONSTRAINT "unit_code_once_a_day"
    EXCLUDE USING gist ("code" WITH =, daterange("valid_from", "dissolved_on", '[)') WITH &&);

-- A unit's path (its ancestors' codes and its own) is its stable key in scopes and links:
-- the two trees never share one (a 2023 commune sits at depth 3, a 2025 commune at depth 2),
-- and a reorganisation that would repeat one is refused.
CREATE UNIQUE INDEX "unit_path_key" ON "unit" ("path");

-- What a unit is, whatever its depth: in the 2023 tree level 2 is a district, in the 2025
-- tree a commune, ward or special zone. Every word the screens, reports and exports say
-- about a unit ("huyện", "xã") follows its kind; the names are those of the level whose key
-- it is.
ALTER TABLE "unit" ADD COLUMN "kind" TEXT;
UPDATE "unit" u SET "kind" = l."key" FROM "unit_level" l WHERE l."level" = u."level";
ALTER TABLE "unit" ALTER COLUMN "kind" SET NOT NULL;
ALTER TABLE "unit" ADD CONSTRAINT "unit_kind_fkey" FOREIGN KEY ("kind") REFERENCES "unit_level" ("key") ON UPDATE CASCADE ON DELETE RESTRICT;

-- One reorganisation (a list of units in force from a date and the mapping of the old units
-- onto them), loaded all or nothing and undoable as a whole while no figure has been entered
-- on its new units.
CREATE TABLE "unit_reorganisation" (
    "id" SERIAL PRIMARY KEY,
    "effective_date" DATE NOT NULL,
    "summary" JSONB NOT NULL,
    "created_by_id" INTEGER REFERENCES "app_user" ("id") ON DELETE SET NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Succession: the old unit went, wholly (`full`) or in part (`partial`, with the share of its
-- figures the new unit takes when known), into the new one. A unit dissolved into another by
-- an administrator is a full succession too (it replaces unit.merged_into_id).
CREATE TABLE "unit_succession" (
    "predecessor_id" INTEGER NOT NULL REFERENCES "unit" ("id") ON DELETE CASCADE,
    "successor_id" INTEGER NOT NULL REFERENCES "unit" ("id") ON DELETE CASCADE,
    "part" TEXT NOT NULL CHECK ("part" IN ('full', 'partial')),
    "share" NUMERIC(7, 6) CHECK ("share" IS NULL OR ("share" > 0 AND "share" <= 1)),
    "reorganisation_id" INTEGER REFERENCES "unit_reorganisation" ("id") ON DELETE CASCADE,
    CONSTRAINT "unit_succession_pkey" PRIMARY KEY ("predecessor_id", "successor_id"),
    CONSTRAINT "unit_succession_not_itself" CHECK ("predecessor_id" <> "successor_id"),
    CONSTRAINT "unit_succession_full_whole" CHECK ("part" = 'partial' OR "share" IS NULL)
);
CREATE INDEX "unit_succession_successor_idx" ON "unit_succession" ("successor_id");
CREATE INDEX "unit_succession_reorganisation_idx" ON "unit_succession" ("reorganisation_id");

INSERT INTO "unit_succession" ("predecessor_id", "successor_id", "part")
SELECT "id", "merged_into_id", 'full' FROM "unit" WHERE "merged_into_id" IS NOT NULL;
ALTER TABLE "unit" DROP COLUMN "merged_into_id";

-- The units a reorganisation started, so that undoing it removes exactly them.
ALTER TABLE "unit" ADD COLUMN "reorganisation_id" INTEGER REFERENCES "unit_reorganisation" ("id") ON DELETE RESTRICT;

-- Agencies and their staff's level-2 activation (issue 22; lib/data/agencies.ts, docs/agencies.md).
ALTER TYPE "Role" ADD VALUE 'agency';

CREATE TABLE "agency" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "search_name" TEXT NOT NULL,
    "parent_id" INTEGER,
    "path" TEXT NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "agency_code_key" ON "agency"("code");
CREATE UNIQUE INDEX "agency_path_key" ON "agency"("path");
CREATE INDEX "agency_parent_id_idx" ON "agency"("parent_id");
CREATE INDEX "agency_unit_id_idx" ON "agency"("unit_id");
ALTER TABLE "agency" ADD CONSTRAINT "agency_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "agency" ADD CONSTRAINT "agency_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "agency_headcount" (
    "agency_id" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "headcount" INTEGER NOT NULL,

    CONSTRAINT "agency_headcount_pkey" PRIMARY KEY ("agency_id","as_of"),
    CONSTRAINT "agency_headcount_check" CHECK ("headcount" >= 0)
);
ALTER TABLE "agency_headcount" ADD CONSTRAINT "agency_headcount_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "agency_weekly" (
    "agency_id" INTEGER NOT NULL,
    "week_start" DATE NOT NULL,
    "activated" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_weekly_pkey" PRIMARY KEY ("agency_id","week_start"),
    CONSTRAINT "agency_weekly_check" CHECK ("activated" >= 0 AND extract(isodow FROM "week_start") = 1)
);
ALTER TABLE "agency_weekly" ADD CONSTRAINT "agency_weekly_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "agency_deadline" (
    "unit_id" INTEGER NOT NULL,
    "due_date" DATE NOT NULL,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_deadline_pkey" PRIMARY KEY ("unit_id")
);

ALTER TABLE "app_user" ADD COLUMN "agency_id" INTEGER;
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A unit's name and type through time (docs/units-over-time.md, "Names through time"): a unit
-- that continues through a reorganisation takes the new list's name and type from its date
-- (Tỉnh Yên Bái, code 15, is Tỉnh Lào Cai from 01/07/2025); views dated before keep the label
-- it had. One row per label a unit had until a day (exclusive); `unit.name`/`unit.type` are
-- the current ones. Written by the reorganisation for the units it renamed, removed by its undo.
CREATE TABLE "unit_label" (
    "unit_id" INTEGER NOT NULL,
    "until_day" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "reorganisation_id" INTEGER,

    CONSTRAINT "unit_label_pkey" PRIMARY KEY ("unit_id","until_day")
);
CREATE INDEX "unit_label_reorganisation_idx" ON "unit_label"("reorganisation_id");
ALTER TABLE "unit_label" ADD CONSTRAINT "unit_label_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "unit_label" ADD CONSTRAINT "unit_label_reorganisation_id_fkey" FOREIGN KEY ("reorganisation_id") REFERENCES "unit_reorganisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- the renames of the reorganisations already loaded
INSERT INTO "unit_label" ("unit_id", "until_day", "name", "type", "reorganisation_id")
SELECT (r.value->>'id')::int, o.effective_date, r.value->>'name', r.value->>'type', o.id
FROM "unit_reorganisation" o CROSS JOIN LATERAL jsonb_array_elements(o.renamed) r(value)
WHERE EXISTS (SELECT 1 FROM "unit" u WHERE u.id = (r.value->>'id')::int)
ON CONFLICT DO NOTHING;

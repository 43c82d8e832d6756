-- CreateTable
CREATE TABLE "unit_report" (
    "unit_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "reported_on" DATE,

    CONSTRAINT "unit_report_pkey" PRIMARY KEY ("unit_id","date")
);

-- Fill it from the figures already stored: leaves first, then each parent level upwards.
INSERT INTO "unit_report" ("unit_id", "date", "reported_on")
SELECT DISTINCT "unit_id", "date", "date" FROM "figure";

DO $$
DECLARE lvl INTEGER;
BEGIN
  FOR lvl IN SELECT DISTINCT "level" FROM "unit" WHERE "level" > 1 ORDER BY "level" DESC LOOP
    INSERT INTO "unit_report" ("unit_id", "date", "reported_on")
    SELECT d.parent_id, d.date,
      (SELECT CASE WHEN bool_or(x.reported_on IS NULL) THEN NULL ELSE min(x.reported_on) END
       FROM "unit" c
       LEFT JOIN LATERAL (SELECT r.reported_on FROM "unit_report" r
                          WHERE r.unit_id = c.id AND r.date <= d.date ORDER BY r.date DESC LIMIT 1) x ON true
       WHERE c.parent_id = d.parent_id)
    FROM (SELECT DISTINCT c.parent_id, r.date FROM "unit_report" r JOIN "unit" c ON c.id = r.unit_id
          WHERE c.level = lvl AND c.parent_id IS NOT NULL) d
    ON CONFLICT DO NOTHING;
  END LOOP;
END $$;

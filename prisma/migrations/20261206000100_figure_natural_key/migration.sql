-- A figure is identified by its unit, metric and day, which were already unique. The
-- surrogate `id` was read by nothing but the totals' rebuild, and cost every insert a
-- sequence call and a third index entry (about 0.5 s of a province's year import, 351,860
-- figures; for a national year, 15.5 M entries of an index nobody reads). The unique index
-- becomes the primary key as it stands (no rebuild).
ALTER TABLE "figure" DROP CONSTRAINT "figure_pkey";
ALTER TABLE "figure" DROP COLUMN "id";
ALTER TABLE "figure" ADD CONSTRAINT "figure_pkey" PRIMARY KEY USING INDEX "figure_unit_id_metric_id_date_key";

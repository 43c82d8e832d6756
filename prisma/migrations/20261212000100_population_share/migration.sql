-- Eligible population per leaf unit, dated, and milestones set as a share of it (issue 22;
-- lib/data/population.ts). The targets a share sets stay in "target" as counts.
CREATE TABLE "unit_population" (
    "unit_id" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "eligible" INTEGER NOT NULL,

    CONSTRAINT "unit_population_pkey" PRIMARY KEY ("unit_id","as_of"),
    CONSTRAINT "unit_population_eligible_check" CHECK ("eligible" >= 0)
);
ALTER TABLE "unit_population" ADD CONSTRAINT "unit_population_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "target_share" (
    "campaign_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "due_date" DATE NOT NULL,
    "basis_points" INTEGER NOT NULL,

    CONSTRAINT "target_share_pkey" PRIMARY KEY ("campaign_id","unit_id","metric_id","due_date"),
    CONSTRAINT "target_share_basis_points_check" CHECK ("basis_points" > 0 AND "basis_points" <= 10000)
);
ALTER TABLE "target_share" ADD CONSTRAINT "target_share_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "target_share" ADD CONSTRAINT "target_share_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "target_share" ADD CONSTRAINT "target_share_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

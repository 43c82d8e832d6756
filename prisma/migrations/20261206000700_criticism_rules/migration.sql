-- Who a unit's rankings criticise (issue 24, point 4): the bottom N ("bottom"), the bottom N
-- of those below a stated percent ("belowPercent", with threshold), or of those below the
-- unit's own percent ("belowParent"). No row: the nearest ancestor's rule, else bottom 5.
CREATE TABLE "criticism_rules" (
    "unit_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "threshold" DOUBLE PRECISION,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "criticism_rules_pkey" PRIMARY KEY ("unit_id")
);

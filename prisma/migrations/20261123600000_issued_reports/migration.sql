-- CreateTable
CREATE TABLE "issued_report" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER,
    "campaign_id" INTEGER,
    "week" TEXT NOT NULL,
    "week_start" DATE NOT NULL,
    "week_end" DATE NOT NULL,
    "model" JSONB NOT NULL,
    "issued_by_id" INTEGER,
    "issued_by_name" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "days_locked" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "issued_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "issued_report_unit_id_week_idx" ON "issued_report"("unit_id", "week");

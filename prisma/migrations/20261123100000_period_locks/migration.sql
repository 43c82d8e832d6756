-- CreateTable
CREATE TABLE "period_lock" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "until_date" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "period_lock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "daily_submission" (
    "key" TEXT NOT NULL,
    "user_id" INTEGER,
    "written" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "daily_submission_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "period_lock_unit_id_idx" ON "period_lock"("unit_id");

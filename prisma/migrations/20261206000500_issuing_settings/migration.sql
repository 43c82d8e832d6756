-- How a unit's weekly report is headed and signed as an administrative document (issue 24,
-- point 9). No row: defaults derived from the unit's name.
CREATE TABLE "issuing_settings" (
    "unit_id" INTEGER NOT NULL,
    "superior_body" TEXT NOT NULL,
    "issuing_body" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "recipients" TEXT NOT NULL,
    "signer_title" TEXT NOT NULL,
    "signer_name" TEXT NOT NULL,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "issuing_settings_pkey" PRIMARY KEY ("unit_id")
);

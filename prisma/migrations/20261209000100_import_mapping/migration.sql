-- How a user's own report table is read (issue 25, lib/data/import-mapping.ts): one mapping
-- per user, remembered for the next day's file, changed with an audit event.
CREATE TABLE "import_mapping" (
    "user_id" INTEGER NOT NULL,
    "mapping" JSONB NOT NULL,
    "headers" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_mapping_pkey" PRIMARY KEY ("user_id")
);
ALTER TABLE "import_mapping" ADD CONSTRAINT "import_mapping_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

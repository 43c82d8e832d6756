-- AlterTable
ALTER TABLE "app_user" ADD COLUMN "locale" VARCHAR(5);

-- Who loaded a reorganisation is kept as the user's id without a foreign key: with one, the
-- tables' references formed a cycle (unit → unit_reorganisation → app_user → unit) and the
-- backup could no longer order its tables. The audit event of the reorganisation names the
-- user as every other event does.
ALTER TABLE "unit_reorganisation" DROP CONSTRAINT "unit_reorganisation_created_by_id_fkey";

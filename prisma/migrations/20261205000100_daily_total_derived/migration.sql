-- daily_total is derived: every row is computed from figure rows (which keep their foreign
-- keys) by the daily engine or rebuildTotals, and units are never deleted (they end). Its own
-- foreign keys only re-checked, row by row, what the engine had just read from figure: about
-- 2 s of a province's year import (380,000 rows). Dropped.
ALTER TABLE "daily_total" DROP CONSTRAINT "daily_total_unit_id_fkey";
ALTER TABLE "daily_total" DROP CONSTRAINT "daily_total_metric_id_fkey";

-- Rankings of every unit of a level across the country (`GET /api/v1/rankings?level=2`)
-- read that level's units: 705 districts out of 11,366 units, found by index rather than by
-- reading every unit.
CREATE INDEX "unit_level_idx" ON "unit"("level");

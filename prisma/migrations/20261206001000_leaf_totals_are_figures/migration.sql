-- A leaf's running totals are its figures: `figure` holds each leaf's daily count and running
-- total on every day it reported, exactly what its `daily_total` rows held. Keeping both
-- wrote every imported row twice (a province's year: 352,000 figures and 352,000 leaf totals,
-- each with its key), so `daily_total` now holds the parents' rows only, and `unit_total`
-- reads the two as one: a unit's rows come from one side or the other (a unit with children
-- takes no figure: the daily engine refuses them, 'hasChildren').
DELETE FROM "daily_total" t WHERE NOT EXISTS (SELECT 1 FROM "unit" c WHERE c."parent_id" = t."unit_id");

CREATE VIEW "unit_total" AS
  SELECT "unit_id", "metric_id", "date", "daily", "cumulative" FROM "daily_total"
  UNION ALL
  SELECT "unit_id", "metric_id", "date", "value" AS "daily", "cumulative" FROM "figure";

-- The ranking facts read a unit's totals through the view: in the two-tier structure of 2025
-- the ranked communes are leaves.
CREATE OR REPLACE FUNCTION ranking_facts_refresh(levels int[], unit_ids int[], from_days date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lvl int;
  m0 int;
  lo date;
BEGIN
  SELECT min(id) INTO m0 FROM metric;
  IF m0 IS NULL THEN
    RETURN;
  END IF;
  FOREACH lvl IN ARRAY levels LOOP
    DROP TABLE IF EXISTS rf_change, rf_new, rf_day;
    CREATE TEMP TABLE rf_change ON COMMIT DROP AS
      SELECT c.unit_id, min(c.from_day) AS from_day
      FROM unnest(unit_ids, from_days) AS c(unit_id, from_day) JOIN unit u ON u.id = c.unit_id
      WHERE u.level = lvl GROUP BY c.unit_id;
    SELECT min(from_day) INTO lo FROM rf_change;
    CONTINUE WHEN lo IS NULL;
    ANALYZE rf_change;
    -- the level's days that the changed units bring and the facts do not have yet
    -- (each LATERAL below is fenced with OFFSET 0: one index range or probe per unit, never
    -- merged into a join that reads the whole table's index)
    CREATE TEMP TABLE rf_new ON COMMIT DROP AS
      SELECT d.date FROM (
        SELECT DISTINCT r.date FROM rf_change c
        CROSS JOIN LATERAL (SELECT x.date FROM unit_report x WHERE x.unit_id = c.unit_id AND x.date >= c.from_day OFFSET 0) r
      ) d
      LEFT JOIN LATERAL (SELECT 1 AS found FROM ranking_fact f WHERE f.level = lvl AND f.metric_id = m0 AND f.date = d.date LIMIT 1) e ON true
      WHERE e.found IS NULL;
    -- each starts as a copy of the level's previous fact day
    INSERT INTO ranking_fact (level, metric_id, date, unit_id, cumulative, reported_on)
      SELECT lvl, f.metric_id, n.date, f.unit_id, f.cumulative, f.reported_on
      FROM rf_new n
      CROSS JOIN LATERAL (SELECT max(x.date) AS date FROM ranking_fact x WHERE x.level = lvl AND x.metric_id = m0 AND x.date < n.date) p
      JOIN metric m ON true
      JOIN ranking_fact f ON f.level = lvl AND f.metric_id = m.id AND f.date = p.date
      ORDER BY 2, 3, 4;
    -- every fact day of the level from the earliest changed day: a walk of the key, one probe per day
    CREATE TEMP TABLE rf_day ON COMMIT DROP AS
      WITH RECURSIVE d(date) AS (
        SELECT min(x.date) FROM ranking_fact x WHERE x.level = lvl AND x.metric_id = m0 AND x.date >= lo
        UNION ALL
        SELECT (SELECT min(x.date) FROM ranking_fact x WHERE x.level = lvl AND x.metric_id = m0 AND x.date > d.date) FROM d WHERE d.date IS NOT NULL
      )
      SELECT date FROM d WHERE date IS NOT NULL UNION SELECT date FROM rf_new;
    ANALYZE rf_day;
    -- the changed units on those days, with their reportedOn carried forward from the unit's
    -- own rows (one index range per unit) and from its last row before its day; measured
    -- tables, so that the joins below are planned by hash, not by a loop over each unit's days
    DROP TABLE IF EXISTS rf_grid;
    CREATE TEMP TABLE rf_grid ON COMMIT DROP AS
      WITH g AS (
        SELECT c.unit_id, d.date FROM rf_change c JOIN rf_day d ON d.date >= c.from_day
      ), r AS (
        SELECT c.unit_id, r.date, r.reported_on FROM rf_change c
        CROSS JOIN LATERAL (SELECT x.date, x.reported_on FROM unit_report x WHERE x.unit_id = c.unit_id AND x.date >= c.from_day OFFSET 0) r
      ), rb AS (
        SELECT c.unit_id, b.date, b.reported_on FROM rf_change c
        LEFT JOIN LATERAL (SELECT x.date, x.reported_on FROM unit_report x WHERE x.unit_id = c.unit_id AND x.date < c.from_day ORDER BY x.date DESC LIMIT 1) b ON true
      ), rg AS (
        SELECT g.unit_id, g.date, r.reported_on, count(r.date) OVER (PARTITION BY g.unit_id ORDER BY g.date) AS grp
        FROM g LEFT JOIN r ON r.unit_id = g.unit_id AND r.date = g.date
      )
      SELECT rg.unit_id, rg.date,
             CASE WHEN rg.grp = 0 THEN rb.reported_on ELSE max(rg.reported_on) OVER (PARTITION BY rg.unit_id, rg.grp) END AS reported_on
      FROM rg JOIN rb USING (unit_id)
      WHERE rg.grp > 0 OR rb.date IS NOT NULL;
    ANALYZE rf_grid;
    -- their running totals: carried forward likewise, per metric
    INSERT INTO ranking_fact AS k (level, metric_id, date, unit_id, cumulative, reported_on)
      WITH t AS (
        SELECT c.unit_id, m.id AS metric_id, t.date, t.cumulative FROM rf_change c CROSS JOIN metric m
        CROSS JOIN LATERAL (SELECT x.date, x.cumulative FROM unit_total x WHERE x.unit_id = c.unit_id AND x.metric_id = m.id AND x.date >= c.from_day OFFSET 0) t
      ), tb AS (
        SELECT c.unit_id, m.id AS metric_id,
               (SELECT x.cumulative FROM unit_total x WHERE x.unit_id = c.unit_id AND x.metric_id = m.id AND x.date < c.from_day ORDER BY x.date DESC LIMIT 1) AS cumulative
        FROM rf_change c CROSS JOIN metric m
      ), tg AS (
        SELECT g.unit_id, m.id AS metric_id, g.date, g.reported_on, t.cumulative,
               count(t.cumulative) OVER (PARTITION BY g.unit_id, m.id ORDER BY g.date) AS grp
        FROM rf_grid g CROSS JOIN metric m LEFT JOIN t ON t.unit_id = g.unit_id AND t.metric_id = m.id AND t.date = g.date
      )
      SELECT lvl, tg.metric_id, tg.date, tg.unit_id,
             coalesce(CASE WHEN tg.grp = 0 THEN tb.cumulative ELSE max(tg.cumulative) OVER (PARTITION BY tg.unit_id, tg.metric_id, tg.grp) END, 0),
             tg.reported_on
      FROM tg JOIN tb USING (unit_id, metric_id)
      ORDER BY 2, 3, 4
    ON CONFLICT (level, metric_id, date, unit_id) DO UPDATE SET cumulative = excluded.cumulative, reported_on = excluded.reported_on
      WHERE (k.cumulative, k.reported_on) IS DISTINCT FROM (excluded.cumulative, excluded.reported_on);
  END LOOP;
  DROP TABLE IF EXISTS rf_change, rf_new, rf_day, rf_grid;
END $$;

-- figure's references checked in one pass over the statement's rows instead of six (three
-- DISTINCT lists, then three anti-joins over every row): 0.7 s of a province's year import.
-- The distinct references (a few hundred) are gathered once; the rest works on them.
CREATE OR REPLACE FUNCTION figure_references_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unit_ids int[];
  metric_ids int[];
  user_ids int[];
  missing text;
BEGIN
  SELECT array_agg(DISTINCT unit_id), array_agg(DISTINCT metric_id), array_agg(DISTINCT updated_by_id) FILTER (WHERE updated_by_id IS NOT NULL)
    INTO unit_ids, metric_ids, user_ids FROM new_figure;
  PERFORM 1 FROM unit WHERE id = ANY (unit_ids) ORDER BY id FOR KEY SHARE;
  PERFORM 1 FROM metric WHERE id = ANY (metric_ids) ORDER BY id FOR KEY SHARE;
  PERFORM 1 FROM app_user WHERE id = ANY (user_ids) ORDER BY id FOR KEY SHARE;
  SELECT 'unit_id ' || r.id INTO missing FROM unnest(unit_ids) AS r(id)
    WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.id = r.id) LIMIT 1;
  IF missing IS NULL THEN
    SELECT 'metric_id ' || r.id INTO missing FROM unnest(metric_ids) AS r(id)
      WHERE NOT EXISTS (SELECT 1 FROM metric m WHERE m.id = r.id) LIMIT 1;
  END IF;
  IF missing IS NULL THEN
    SELECT 'updated_by_id ' || r.id INTO missing FROM unnest(user_ids) AS r(id)
      WHERE NOT EXISTS (SELECT 1 FROM app_user a WHERE a.id = r.id) LIMIT 1;
  END IF;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'insert or update on table "figure" refers to a missing row: %', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

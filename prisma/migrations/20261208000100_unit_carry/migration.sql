-- Running totals across a reorganisation (docs/units-over-time.md, "Running totals across a
-- reorganisation"). When a unit ends with successors (a reorganisation's mapping, or an
-- administrator's merge), the running total of its own figures on its last day is carried on:
-- to each successor by its weight (1 for `full`, the share for `partial` with a share), and
-- what no weight covers (a `partial` without a share, a unit with no successor) to the
-- "not allocated" of the unit that holds the successors (their common parent). Each amount
-- is added to the receiving unit and its ancestors and taken from the ending unit's
-- ancestors from the day of the change, so a common ancestor is unchanged and a province's
-- total is conserved: the sum over its children of the day plus its not allocated.

-- One row per ending unit whose figures are carried: from which day, and which unit holds
-- what no weight covers (NULL: it stays where it was).
CREATE TABLE "unit_carry_source" (
    "source_id" INTEGER NOT NULL,
    "from_day" DATE NOT NULL,
    "residual_unit_id" INTEGER,
    "reorganisation_id" INTEGER,

    CONSTRAINT "unit_carry_source_pkey" PRIMARY KEY ("source_id")
);
CREATE INDEX "unit_carry_source_reorganisation_idx" ON "unit_carry_source"("reorganisation_id");
ALTER TABLE "unit_carry_source" ADD CONSTRAINT "unit_carry_source_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "unit_carry_source" ADD CONSTRAINT "unit_carry_source_residual_unit_id_fkey" FOREIGN KEY ("residual_unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "unit_carry_source" ADD CONSTRAINT "unit_carry_source_reorganisation_id_fkey" FOREIGN KEY ("reorganisation_id") REFERENCES "unit_reorganisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The amounts, derived (like daily_total, no foreign keys): what `source_id` adds to (or takes
-- from) `unit_id`'s running total of a metric from `from_day` on; `unallocated`: the part of it
-- that is the unit's "not allocated".
CREATE TABLE "unit_carry" (
    "unit_id" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,
    "from_day" DATE NOT NULL,
    "amount" INTEGER NOT NULL,
    "unallocated" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "unit_carry_pkey" PRIMARY KEY ("unit_id","metric_id","source_id")
);
CREATE INDEX "unit_carry_source_id_idx" ON "unit_carry"("source_id");

-- Recomputes the carries of these ending units (and of the units their figures reached
-- through successions that end later), each from its own figures up to the day before its
-- change plus what was carried into it before; then, unless `levels` is empty, the ranking
-- facts of every unit whose carries moved.
CREATE FUNCTION unit_carry_refresh(source_ids int[], levels int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  change_day date;
BEGIN
  DROP TABLE IF EXISTS uc_src, uc_moved;
  -- the sources and, through the successions, every later source their figures reach
  CREATE TEMP TABLE uc_src ON COMMIT DROP AS
    WITH RECURSIVE reach(id) AS (
      SELECT unnest(source_ids)
      UNION
      SELECT e.successor_id FROM reach r JOIN unit_succession e ON e.predecessor_id = r.id
    )
    SELECT s.source_id, s.from_day, s.residual_unit_id, p.path,
           NOT EXISTS (SELECT 1 FROM unit k WHERE k.parent_id = s.source_id) AS leaf
    FROM reach r JOIN unit_carry_source s ON s.source_id = r.id JOIN unit p ON p.id = s.source_id;
  CREATE TEMP TABLE uc_moved (unit_id int, from_day date) ON COMMIT DROP;
  INSERT INTO uc_moved SELECT k.unit_id, k.from_day FROM unit_carry k WHERE k.source_id IN (SELECT source_id FROM uc_src);
  DELETE FROM unit_carry WHERE source_id IN (SELECT source_id FROM uc_src);
  -- the earlier changes first: what they carry into a unit is part of its total when it ends later
  FOR change_day IN SELECT DISTINCT from_day FROM uc_src ORDER BY 1 LOOP
    INSERT INTO unit_carry (unit_id, metric_id, source_id, from_day, amount, unallocated)
    WITH own AS (
      -- a figure holder's running total on its last day: its figures and what was carried into it
      -- (a parent's figures are its children's, carried by their own successions)
      SELECT s.source_id, s.from_day, s.residual_unit_id, s.path, m.id AS metric_id,
             coalesce((SELECT f.cumulative FROM figure f WHERE f.unit_id = s.source_id AND f.metric_id = m.id AND f.date < s.from_day ORDER BY f.date DESC LIMIT 1), 0)
             + CASE WHEN s.leaf THEN coalesce((SELECT sum(k.amount) FROM unit_carry k WHERE k.unit_id = s.source_id AND k.metric_id = m.id AND k.from_day < s.from_day), 0) ELSE 0 END AS own
      FROM uc_src s CROSS JOIN metric m
      WHERE s.from_day = change_day
    ), alloc AS (
      SELECT o.source_id, o.metric_id, o.from_day, e.successor_id AS unit_id,
             CASE WHEN e.part = 'full' THEN o.own ELSE round(e.share * o.own)::int END AS amount
      FROM own o JOIN unit_succession e ON e.predecessor_id = o.source_id
      WHERE o.own <> 0 AND (e.part = 'full' OR e.share IS NOT NULL)
    ), resid AS (
      SELECT o.source_id, o.metric_id, o.from_day, o.residual_unit_id AS unit_id, o.own - coalesce(sum(a.amount), 0)::int AS amount
      FROM own o LEFT JOIN alloc a ON a.source_id = o.source_id AND a.metric_id = o.metric_id
      WHERE o.own <> 0 AND o.residual_unit_id IS NOT NULL
      GROUP BY o.source_id, o.metric_id, o.from_day, o.residual_unit_id, o.own
    ), moves AS (
      SELECT source_id, metric_id, from_day, unit_id, amount, 0 AS unallocated FROM alloc WHERE amount <> 0
      UNION ALL
      SELECT source_id, metric_id, from_day, unit_id, amount, amount FROM resid WHERE amount <> 0
    ), gains AS (
      -- to the receiving unit and each of its ancestors
      SELECT mv.source_id, mv.metric_id, mv.from_day, a.id AS unit_id, mv.amount,
             CASE WHEN a.id = mv.unit_id THEN mv.unallocated ELSE 0 END AS unallocated
      FROM moves mv JOIN unit x ON x.id = mv.unit_id
      CROSS JOIN LATERAL (SELECT string_to_array(rtrim(x.path, '/'), '/') AS parts) sp
      CROSS JOIN LATERAL generate_series(1, cardinality(sp.parts)) AS g(k)
      JOIN unit a ON a.path = array_to_string(sp.parts[1:g.k], '/') || '/'
    ), losses AS (
      -- from each ancestor of the ending unit (not from the unit: its history stays as it was)
      SELECT t.source_id, t.metric_id, t.from_day, a.id AS unit_id, -t.moved AS amount, 0 AS unallocated
      FROM (SELECT source_id, metric_id, from_day, sum(amount)::int AS moved FROM moves GROUP BY 1, 2, 3) t
      JOIN unit p ON p.id = t.source_id
      CROSS JOIN LATERAL (SELECT string_to_array(rtrim(p.path, '/'), '/') AS parts) sp
      CROSS JOIN LATERAL generate_series(1, cardinality(sp.parts) - 1) AS g(k)
      JOIN unit a ON a.path = array_to_string(sp.parts[1:g.k], '/') || '/'
    )
    SELECT unit_id, metric_id, source_id, min(from_day), sum(amount)::int, sum(unallocated)::int
    FROM (SELECT * FROM gains UNION ALL SELECT * FROM losses) c
    GROUP BY unit_id, metric_id, source_id
    HAVING sum(amount) <> 0 OR sum(unallocated) <> 0
    ORDER BY 1, 2, 3;
  END LOOP;
  INSERT INTO uc_moved SELECT k.unit_id, k.from_day FROM unit_carry k WHERE k.source_id IN (SELECT source_id FROM uc_src);
  IF cardinality(levels) > 0 THEN
    PERFORM ranking_facts_refresh(levels, array_agg(unit_id), array_agg(from_day))
    FROM (SELECT unit_id, min(from_day) AS from_day FROM uc_moved GROUP BY unit_id) c;
  END IF;
  DROP TABLE IF EXISTS uc_src, uc_moved;
END $$;

-- The ranking facts add the carries: a unit's fact on a day is its totals' running total plus
-- the carries started by then, and the day a carry starts is a fact day of the level.
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
        SELECT r.date FROM rf_change c
        CROSS JOIN LATERAL (SELECT x.date FROM unit_report x WHERE x.unit_id = c.unit_id AND x.date >= c.from_day OFFSET 0) r
        UNION -- the day a carry starts moves the unit's total (unit_carry)
        SELECT uc.from_day FROM rf_change c JOIN unit_carry uc ON uc.unit_id = c.unit_id AND uc.from_day >= c.from_day
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
      WHERE rg.grp > 0 OR rb.date IS NOT NULL
         OR EXISTS (SELECT 1 FROM unit_carry uc WHERE uc.unit_id = rg.unit_id AND uc.from_day <= rg.date);
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
             coalesce(CASE WHEN tg.grp = 0 THEN tb.cumulative ELSE max(tg.cumulative) OVER (PARTITION BY tg.unit_id, tg.metric_id, tg.grp) END, 0)
               + coalesce((SELECT sum(uc.amount) FROM unit_carry uc WHERE uc.unit_id = tg.unit_id AND uc.metric_id = tg.metric_id AND uc.from_day <= tg.date), 0),
             tg.reported_on
      FROM tg JOIN tb USING (unit_id, metric_id)
      ORDER BY 2, 3, 4
    ON CONFLICT (level, metric_id, date, unit_id) DO UPDATE SET cumulative = excluded.cumulative, reported_on = excluded.reported_on
      WHERE (k.cumulative, k.reported_on) IS DISTINCT FROM (excluded.cumulative, excluded.reported_on);
  END LOOP;
  DROP TABLE IF EXISTS rf_change, rf_new, rf_day, rf_grid;
END $$;

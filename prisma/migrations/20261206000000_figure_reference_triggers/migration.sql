-- figure's references (unit, metric, the user who changed it last) are checked once per
-- statement instead of row by row. A foreign key runs a lookup and a row lock per inserted
-- row: 2.8 s of a province's year import (350,000 figures, 4.5 s in all for the insert), for
-- references the daily engine has just checked set-based. These triggers refuse what the
-- keys refused, with the same SQLSTATE (23503), and lock the referenced rows the same way
-- (FOR KEY SHARE), so a concurrent delete of a unit waits for the writing transaction and is
-- then refused. Nothing in the application deletes units, metrics or users (units end,
-- users are deactivated); the referenced side keeps the keys' behaviour all the same:
-- deleting or renumbering a referenced unit or metric is refused (RESTRICT), deleting a user
-- clears `updated_by_id` (SET NULL).
ALTER TABLE "figure" DROP CONSTRAINT "figure_unit_id_fkey";
ALTER TABLE "figure" DROP CONSTRAINT "figure_metric_id_fkey";
ALTER TABLE "figure" DROP CONSTRAINT "figure_updated_by_id_fkey";

CREATE FUNCTION figure_references_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  PERFORM 1 FROM unit WHERE id IN (SELECT DISTINCT unit_id FROM new_figure) ORDER BY id FOR KEY SHARE;
  PERFORM 1 FROM metric WHERE id IN (SELECT DISTINCT metric_id FROM new_figure) ORDER BY id FOR KEY SHARE;
  PERFORM 1 FROM app_user WHERE id IN (SELECT DISTINCT updated_by_id FROM new_figure) ORDER BY id FOR KEY SHARE;
  SELECT 'unit_id ' || n.unit_id INTO missing FROM new_figure n
    WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.id = n.unit_id) LIMIT 1;
  IF missing IS NULL THEN
    SELECT 'metric_id ' || n.metric_id INTO missing FROM new_figure n
      WHERE NOT EXISTS (SELECT 1 FROM metric m WHERE m.id = n.metric_id) LIMIT 1;
  END IF;
  IF missing IS NULL THEN
    SELECT 'updated_by_id ' || n.updated_by_id INTO missing FROM new_figure n
      WHERE n.updated_by_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM app_user a WHERE a.id = n.updated_by_id) LIMIT 1;
  END IF;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'insert or update on table "figure" refers to a missing row: %', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER figure_references_insert AFTER INSERT ON "figure"
  REFERENCING NEW TABLE AS new_figure FOR EACH STATEMENT EXECUTE FUNCTION figure_references_check();
CREATE TRIGGER figure_references_update AFTER UPDATE ON "figure"
  REFERENCING NEW TABLE AS new_figure FOR EACH STATEMENT EXECUTE FUNCTION figure_references_check();

-- The referenced side: RESTRICT for units and metrics, SET NULL for users.
CREATE FUNCTION figure_referenced_restrict() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  referenced boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'unit' THEN
    referenced := EXISTS (SELECT 1 FROM figure f WHERE f.unit_id = OLD.id);
  ELSE
    referenced := EXISTS (SELECT 1 FROM figure f WHERE f.metric_id = OLD.id);
  END IF;
  IF referenced THEN
    RAISE EXCEPTION '% % is still referenced from table "figure"', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER figure_unit_restrict BEFORE DELETE OR UPDATE OF id ON "unit"
  FOR EACH ROW EXECUTE FUNCTION figure_referenced_restrict();
CREATE TRIGGER figure_metric_restrict BEFORE DELETE OR UPDATE OF id ON "metric"
  FOR EACH ROW EXECUTE FUNCTION figure_referenced_restrict();

CREATE FUNCTION figure_updated_by_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE figure SET updated_by_id = NULL WHERE updated_by_id = OLD.id;
  RETURN OLD;
END $$;

CREATE TRIGGER figure_updated_by_clear AFTER DELETE ON "app_user"
  FOR EACH ROW EXECUTE FUNCTION figure_updated_by_clear();

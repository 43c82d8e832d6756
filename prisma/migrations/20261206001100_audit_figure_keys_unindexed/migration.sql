-- A figure's audit events are found by their unit: the cell history reads the unit's events
-- newest first through (unit_id, at) and keeps those whose key starts with the cell's
-- (a commune's year is about 1,500 events). Indexing the figures' keys as well cost a third
-- of an import's audit insert (a province's year: 352,000 events, 3.4 s with this index, 2.4 s
-- without), so the (entity, entity_key) index now covers the other entities only: sessions
-- (the sign-in throttle's known addresses), users, tokens, locks, reports, settings.
DROP INDEX "audit_event_entity_entity_key_idx";
CREATE INDEX "audit_event_entity_entity_key_idx" ON "audit_event" ("entity", "entity_key") WHERE "entity" <> 'figure';
-- Those queries name their entity (`entity = 'session'`), which proves `entity <> 'figure'`:
-- the Prisma adapter sends unnamed statements, planned at each bind with their values, so the
-- partial index is chosen (a generic plan of a named statement could not prove it).

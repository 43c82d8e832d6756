-- Level-2 metrics (issue 22): accounts registered in person with the police (mức độ 2, the
-- level that unlocks public services) and those of them activated. They come after the four
-- built-in metrics, so every existing column, file and answer keeps its place; the funnel
-- (lib/domain/daily-rules.ts) keeps activated_l2 ≤ activated, accounts_l2 ≤ accounts and
-- activated_l2 ≤ accounts_l2. The same rows as lib/db/seed/reference.ts.
INSERT INTO "metric" ("code", "name_vi", "name_en", "sort_order") VALUES
    ('accounts_l2', 'Tài khoản mức độ 2', 'Level-2 accounts registered', 5),
    ('activated_l2', 'Tài khoản mức độ 2 đã kích hoạt', 'Level-2 accounts activated', 6)
ON CONFLICT DO NOTHING;

-- Reference data every installation needs, with the schema: the named levels of the unit
-- tree and the four built-in metrics (the same values as lib/db/seed/reference.ts), so that
-- `npm run import -- --kind units` works right after `npm run db:migrate`. Rows already
-- there (from `npm run db:seed`, or edited since) are left as they are.
INSERT INTO "unit_level" ("level", "key", "name_vi", "name_en") VALUES
    (1, 'province', 'Tỉnh/Thành phố', 'Province'),
    (2, 'district', 'Huyện/Quận/Thị xã/Thành phố', 'District'),
    (3, 'commune', 'Xã/Phường/Thị trấn', 'Commune'),
    (4, 'village', 'Thôn/Tổ dân phố', 'Village')
ON CONFLICT DO NOTHING;

INSERT INTO "metric" ("code", "name_vi", "name_en", "sort_order") VALUES
    ('dossiers', 'Hồ sơ định danh điện tử', 'eID dossiers collected', 1),
    ('accounts', 'Tài khoản định danh điện tử', 'eID accounts registered', 2),
    ('activated', 'Tài khoản đã kích hoạt', 'Accounts activated', 3),
    ('cccd', 'Hồ sơ cấp CCCD', 'Chip-ID card applications', 4)
ON CONFLICT DO NOTHING;

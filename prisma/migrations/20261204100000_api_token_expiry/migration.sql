-- API tokens expire: chosen at issue, 90 days by default (also the column's default, for
-- rows written without one); existing tokens get 90 days from their creation. A revocation
-- records why: by hand ("owner"), or an account event that revoked every token of the user
-- ("password_change", "password_reset", "deactivation").
ALTER TABLE "api_token" ADD COLUMN "expires_at" TIMESTAMPTZ(3) NOT NULL DEFAULT (now() + '90 days'::interval);
UPDATE "api_token" SET "expires_at" = "created_at" + INTERVAL '90 days';
ALTER TABLE "api_token" ADD COLUMN "revoke_reason" TEXT;

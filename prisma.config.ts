import { defineConfig } from "prisma/config";

// Prisma's CLI is used only for `prisma generate` (see lib/db/prisma-generate.mjs).
// Migrations are applied by the project's own runner, `npm run db:migrate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});

import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/db/migrate";
import { freshDatabase, testDatabaseUrl } from "../support/test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL ?? (await testDatabaseUrl("test"));
  await freshDatabase(url);
  await migrate(url);
  project.provide("databaseUrl", url);
}

import { migrate } from "@/lib/db/migrate";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { runCommand } from "./command";

runCommand(async () => {
  const applied = await migrate(await resolveDatabaseUrl());
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
});

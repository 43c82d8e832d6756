import { stopEmbeddedPostgres } from "@/lib/db/embedded";
import { runCommand } from "./command";

runCommand(async () => {
  console.log(stopEmbeddedPostgres() ? "Embedded PostgreSQL stopped." : "Embedded PostgreSQL is not running.");
});

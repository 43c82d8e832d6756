import { seedDemo } from "@/lib/db/seed/demo";
import { seedReference } from "@/lib/db/seed/reference";
import { parseArgs, runCommand } from "./command";
import { openDatabase } from "./context";

runCommand(async () => {
  const { options } = parseArgs(process.argv.slice(2));
  const { client } = await openDatabase();
  if (options.demo) {
    // Quảng Nam's campaign in 2023, the reorganisation of 01/07/2025 and Đà Nẵng's campaign to
    // today; `--demo 2023`: Quảng Nam's tree alone, its figures up to today
    const summary = await seedDemo(client, new Date(), { present: options.demo !== "2023" });
    console.log(summary.seeded ? `Demo loaded: ${summary.units} units, ${summary.figures} figures.` : "Demo already loaded; nothing changed.");
  } else {
    await seedReference(client);
    console.log("Reference data (unit levels, metrics) is in place. Use --demo for the demo province.");
  }
  await client.$disconnect();
});

import { newToken } from "@/lib/auth/tokens";
import { openDatabase, parseArgs, runCommand } from "./context";

runCommand(async () => {
  const { options } = parseArgs(process.argv.slice(2));
  if (typeof options.user !== "string") throw new Error("usage: npm run token -- --user U [--name LABEL]");
  const { client } = await openDatabase();
  try {
    const user = await client.user.findUnique({ where: { username: options.user }, select: { id: true, active: true, unitId: true } });
    if (!user || !user.active) throw new Error(`no active user ${options.user}`);
    const { token, tokenHash, prefix } = newToken();
    const name = typeof options.name === "string" ? options.name : "command line";
    await client.$transaction([
      client.apiToken.create({ data: { userId: user.id, name, tokenHash, prefix } }),
      client.auditEvent.create({ data: { action: "token.create", entity: "api_token", entityKey: prefix, unitId: user.unitId, newValue: { user: options.user, name }, reason: "npm run token" } }),
    ]);
    console.log(token);
  } finally {
    await client.$disconnect();
  }
});

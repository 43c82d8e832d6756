// What a command line tool prints when it fails (lib/cli/command.ts): an operator's refusal in
// its own words; anything unexpected only as the id of its log line, never its own text.
import { afterEach, describe, expect, it, vi } from "vitest";
import { CliError, failureMessage, runCommand } from "@/lib/cli/command";
import { AppError } from "@/lib/data/errors";
import { logged } from "../support/log-capture";

vi.mock("@/lib/observability/log", async (original) => (await import("../support/log-capture")).capturingLog(original));

afterEach(() => {
  logged.length = 0;
  vi.restoreAllMocks();
});

const prismaLike = () => Object.assign(new Error("Invalid `prisma.user.create()` invocation:\n\nUnique constraint failed on the fields: (`username`)"), { name: "PrismaClientKnownRequestError", code: "P2002" });

/** Runs a failing command as `npm run …` would, and returns what it printed and its exit status. */
async function run(error: unknown): Promise<{ printed: string; status: number }> {
  const printed: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
  const exited = new Promise<number>((resolve) => {
    vi.spyOn(process, "exit").mockImplementation(((status?: number) => resolve(status ?? 0)) as typeof process.exit);
  });
  runCommand(async () => {
    throw error;
  });
  const status = await exited;
  return { printed: printed.join("\n"), status };
}

describe("runCommand", () => {
  it.each([
    { label: "a TypeError", error: () => new TypeError("Cannot read properties of undefined (reading 'path')"), internal: /TypeError|Cannot read|path/ },
    { label: "a Prisma error", error: prismaLike, internal: /prisma|Unique constraint|username|P2002/i },
    { label: "a thrown string", error: () => "SELECT * FROM figure", internal: /SELECT|figure/ },
  ])("prints only the log line's id for $label, never its text", async ({ error, internal }) => {
    const { printed, status } = await run(error());
    expect(status).toBe(1);
    expect(logged).toHaveLength(1);
    expect(logged[0].fields).toMatchObject({ kind: "unexpected" });
    const errorId = String(logged[0].fields.errorId);
    expect(printed).toBe(`Lỗi / Error: lỗi ngoài dự kiến, đã ghi vào nhật ký với mã ${errorId} / unexpected error, logged with id ${errorId}`);
    expect(printed).not.toMatch(internal);
  });

  it("prints an operator's refusal in its own words, logging nothing", async () => {
    const { printed, status } = await run(new CliError("no user khong-co"));
    expect(status).toBe(1);
    expect(printed).toBe("Lỗi / Error: no user khong-co");
    expect(logged).toEqual([]);
  });
});

describe("failureMessage", () => {
  it("words a typed refusal and an outage from the catalogue", () => {
    expect(failureMessage(new AppError("CONFLICT", { userMessage: { key: "users.errors.lastAdmin" } }), "cli test")).toMatch(/quản trị/);
    const outage = failureMessage(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "P1001" }), "cli test");
    expect(outage).not.toMatch(/ECONNREFUSED/);
    expect(outage).toContain(String(logged[0].fields.errorId));
  });
});

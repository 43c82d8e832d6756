// The language switch (app/locale/actions.ts) answers its errors through the actions' one
// wrapper: storing a signed-in user's choice failing never breaks the switch in this browser,
// and is logged as what it is (an outage, or unexpected with an id), never thrown at the page.
import { afterEach, describe, expect, it, vi } from "vitest";
import { logged } from "../support/log-capture";

const jar = vi.hoisted(() => new Map<string, string>());
const store = vi.hoisted(() => ({ failure: null as unknown }));
vi.mock("@/lib/observability/log", async (original) => (await import("../support/log-capture")).capturingLog(original));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: (name: string, value: string) => void jar.set(name, value) }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => ({ id: 7, username: "bac", role: "district", unitPath: "90/901/" }) }));
vi.mock("@/lib/data/user-locale", () => ({
  setUserLocale: async () => {
    if (store.failure) throw store.failure;
  },
}));

const { setLocaleAction } = await import("@/app/locale/actions");
const { LOCALE_COOKIE } = await import("@/lib/i18n/config");

const choose = (locale: string) => {
  const form = new FormData();
  form.set("locale", locale);
  return setLocaleAction(form);
};

afterEach(() => {
  logged.length = 0;
  jar.clear();
  store.failure = null;
});

describe("setLocaleAction", () => {
  it("switches the language and stores the choice, logging nothing", async () => {
    await choose("en");
    expect(jar.get(LOCALE_COOKIE)).toBe("en");
    expect(logged).toEqual([]);
  });

  it.each([
    { label: "a database outage", failure: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "P1001" }), kind: "database-unavailable" },
    { label: "a bug", failure: new TypeError("Cannot read properties of undefined (reading 'id')"), kind: "unexpected" },
  ])("still switches this browser when storing the choice fails with $label, logged as such", async ({ failure, kind }) => {
    store.failure = failure;
    await expect(choose("en")).resolves.toBeUndefined();
    expect(jar.get(LOCALE_COOKIE)).toBe("en");
    expect(logged.map((l) => [l.fields.where, l.fields.kind])).toEqual([["setLocaleAction", kind]]);
    expect(logged[0].fields.errorId).toMatch(/^[0-9a-f]{8}$/);
  });
});

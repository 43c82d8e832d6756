// next/headers for tests that call route handlers and server actions directly, outside any
// request (where Next's own cookies() throws): the cookies are a jar the test fills, e.g.
// with the language cookie, and there are no headers. Use with
// vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders).
export const cookieJar = new Map<string, string>();

const store = {
  get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
  getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
  has: (name: string) => cookieJar.has(name),
  set: (name: string, value: string) => void cookieJar.set(name, value),
  delete: (name: string) => void cookieJar.delete(name),
};

export const nextHeaders = {
  cookies: async () => store,
  headers: async () => new Headers(),
};

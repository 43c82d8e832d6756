import { describe, expect, it } from "vitest";
import { PHONE_LANDING, landingAfterSignIn, landingOnPhone } from "@/lib/auth/landing";

describe("the landing after sign-in", () => {
  it("on a narrow screen asks the dashboard for the phone landing, only in place of the default", () => {
    expect(landingAfterSignIn("/dashboard", true)).toBe(`/dashboard?landing=${PHONE_LANDING}`);
    expect(landingAfterSignIn("/dashboard", false)).toBe("/dashboard");
    expect(landingAfterSignIn("/units/517", true)).toBe("/units/517");
  });

  it("a district officer's phone landing is entry; everyone else's the overview", () => {
    expect(landingOnPhone("district")).toBe("/entry");
    for (const role of ["admin", "province", "leader", "commune"] as const) expect(landingOnPhone(role)).toBe("/dashboard");
  });
});

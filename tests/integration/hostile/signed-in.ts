// Who the server actions see as signed in during the hostile tests (the session module is
// replaced by this one: next-auth's session needs a real request; everything under it, the
// data layer and the database, is real).
import type { SessionUserDTO } from "@/lib/data/sessions";

export const signedIn: { user: SessionUserDTO | null } = { user: null };

export const sessionModule = {
  currentUser: async () => signedIn.user,
  currentUserForPasswordChange: async () => signedIn.user,
  requireAdminForPage: async () => (signedIn.user?.role === "admin" ? signedIn.user : null),
  requireUser: async () => {
    if (!signedIn.user) throw new Error("not signed in");
    return signedIn.user;
  },
};

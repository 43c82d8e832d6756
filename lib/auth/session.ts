import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getSessionUser, type SessionUserDTO } from "@/lib/data/sessions";
import { authOptions } from "./options";

/** The signed-in user, or null. */
export async function currentUser(): Promise<SessionUserDTO | null> {
  const session = (await getServerSession(authOptions)) as { uid?: number; sv?: number } | null;
  if (!session?.uid || session.sv === undefined) return null;
  return getSessionUser(session.uid, session.sv);
}

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<SessionUserDTO> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

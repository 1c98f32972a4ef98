// Who sees the admin view.
import { eq } from "drizzle-orm";
import type { AuraConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema.ts";
import { LOCAL_USER_ID } from "../profile/profile-store.ts";

/**
 * Whether a person sees the admin view: their e-mail is in `admins` (any case), or they are
 * the single local user of a personal install.
 */
export function isAdmin(
  config: Pick<AuraConfig, "admins">,
  user: { id: string; email?: string | null },
): boolean {
  if (user.id === LOCAL_USER_ID) return true;
  const email = user.email?.trim().toLowerCase();
  return Boolean(email) && config.admins.some((admin) => admin.trim().toLowerCase() === email);
}

/** Whether the stored user with this id is an admin (see isAdmin). */
export async function isAdminUser(
  db: Database,
  config: Pick<AuraConfig, "admins">,
  userId: string,
): Promise<boolean> {
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return isAdmin(config, user ?? { id: userId });
}

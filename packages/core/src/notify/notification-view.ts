// A person's notification settings as the settings screen shows them: the settings, and what
// decides whether an e-mail can reach them at all (their address, the server's mail).
import { eq } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema.ts";
import { z } from "../shared/contract-zod.ts";
import {
  getNotificationSettings,
  type NotificationSettings,
  notificationSettingsSchema,
} from "./notification-settings.ts";

export const notificationSettingsViewSchema = notificationSettingsSchema
  .extend({
    emailAddress: z.string().nullable().meta({
      description: "Where AURA's e-mails go: your account's address; null when it has none",
    }),
    mailConfigured: z.boolean().nullable().meta({
      description:
        "Whether this server sends e-mail (SMTP_URL is set); null when the server does not say",
    }),
  })
  .meta({ id: "NotificationSettingsView" });
export type NotificationSettingsView = z.infer<typeof notificationSettingsViewSchema>;

/** The settings (read now, unless given) with the person's address and the server's mail. */
export async function notificationSettingsView(
  db: Database,
  userId: string,
  options: { mailConfigured: boolean | null; settings?: NotificationSettings },
): Promise<NotificationSettingsView> {
  const settings = options.settings ?? (await getNotificationSettings(db, userId));
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return {
    ...settings,
    emailAddress: user?.email ?? null,
    mailConfigured: options.mailConfigured,
  };
}

// How each person is told their batch is ready: the e-mail's language, their time zone, the
// channels they keep on. Defaults until they change them: e-mail on, English, UTC.
import { eq } from "drizzle-orm";
import { parseOrThrow } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { notificationSettings } from "../db/schema.ts";
import { AppError } from "../errors.ts";
import { z } from "../shared/contract-zod.ts";
import { MAIL_LANGUAGES } from "./mail-frame.ts";
import type { UnsubscribeChannel } from "./unsubscribe-token.ts";
import { checkWebhookUrl, newWebhookSecret } from "./webhook.ts";

/** An IANA time zone the runtime knows, e.g. Europe/Madrid. */
const timeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: "must be a time zone such as Europe/Madrid" },
  );

export const notificationSettingsSchema = z
  .object({
    language: z.enum(MAIL_LANGUAGES).meta({ description: "The language of AURA's e-mails" }),
    timeZone: z.string().meta({ description: "IANA time zone: times are shown in it" }),
    email: z.boolean().meta({ description: '"Your new batch is ready" by e-mail' }),
    webhookUrl: z.string().nullable().meta({ description: "Where batch events are POSTed" }),
    webhookSecret: z.string().nullable().meta({
      description: "Signs each webhook body (X-Aura-Signature: t=…,v1=HMAC-SHA256 of t.body)",
    }),
  })
  .meta({ id: "NotificationSettings" });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const notificationSettingsInputSchema = z
  .strictObject({
    language: z.enum(MAIL_LANGUAGES).optional(),
    timeZone: timeZone.optional(),
    email: z.boolean().optional(),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .optional(),
  })
  .meta({ id: "NotificationSettingsInput" });

const DEFAULTS: NotificationSettings = {
  language: "en",
  timeZone: "UTC",
  email: true,
  webhookUrl: null,
  webhookSecret: null,
};

export async function getNotificationSettings(
  db: Database,
  userId: string,
): Promise<NotificationSettings> {
  const [row] = await db
    .select()
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  if (!row) return { ...DEFAULTS };
  return {
    language: row.language,
    timeZone: row.timeZone,
    email: row.email,
    webhookUrl: row.webhookUrl,
    webhookSecret: row.webhookSecret,
  };
}

/**
 * Changes the keys given. A new webhook URL is checked (http(s), public addresses unless
 * `allowPrivateWebhooks`) and gets a new secret; clearing it drops the secret.
 */
export async function saveNotificationSettings(
  db: Database,
  userId: string,
  input: unknown,
  options: { allowPrivateWebhooks?: boolean } = {},
): Promise<NotificationSettings> {
  const change = parseOrThrow(
    notificationSettingsInputSchema,
    input ?? {},
    "settings",
    [],
    "invalid_input",
  );
  const current = await getNotificationSettings(db, userId);
  const next: NotificationSettings = {
    language: change.language ?? current.language,
    timeZone: change.timeZone ?? current.timeZone,
    email: change.email ?? current.email,
    webhookUrl: current.webhookUrl,
    webhookSecret: current.webhookSecret,
  };
  if (change.webhookUrl !== undefined && change.webhookUrl !== current.webhookUrl) {
    if (change.webhookUrl === null) {
      next.webhookUrl = null;
      next.webhookSecret = null;
    } else {
      await checkWebhookUrl(change.webhookUrl, { allowPrivate: options.allowPrivateWebhooks });
      next.webhookUrl = change.webhookUrl;
      next.webhookSecret = newWebhookSecret();
    }
  }
  await db
    .insert(notificationSettings)
    .values({ userId, ...next })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { ...next, updatedAt: new Date() },
    });
  return next;
}

/** Turns one channel off (an unsubscribe link); the person can turn it on again in settings. */
export async function unsubscribe(
  db: Database,
  userId: string,
  channel: UnsubscribeChannel,
): Promise<void> {
  if (channel === "email") await saveNotificationSettings(db, userId, { email: false });
  else if (channel === "webhook") await saveNotificationSettings(db, userId, { webhookUrl: null });
  else throw new AppError("invalid_input", "Unknown channel.", { field: "channel" });
}

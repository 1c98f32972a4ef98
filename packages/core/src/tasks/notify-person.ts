// Telling a person their batch is ready, on the channels they keep on: the e-mail (in their
// language, with the top jobs and an unsubscribe link) and their webhook. One channel failing
// never stops the other; what reached them is returned.
import { eq } from "drizzle-orm";
import type { Batch } from "../batch/batches.ts";
import type { AuraConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { users } from "../db/schema.ts";
import { errorMessage } from "../errors.ts";
import type { Logger } from "../log/logger.ts";
import { batchReadyMessage } from "../notify/batch-ready-message.ts";
import type { Mailer } from "../notify/mailer.ts";
import { getNotificationSettings } from "../notify/notification-settings.ts";
import { signUnsubscribeToken } from "../notify/unsubscribe-token.ts";
import { batchReadyWebhookPayload, deliverWebhook } from "../notify/webhook.ts";

export interface NotifierDeps {
  db: Database;
  config: AuraConfig;
  /** Null when SMTP_URL is unset: e-mail is then skipped. */
  mailer: Mailer | null;
  /** Where people open AURA, e.g. https://aura.example.org (links in the messages). */
  appUrl: string | (() => string);
  /** Signs unsubscribe links (the server's auth secret). */
  secret: string;
  log: Logger;
  /** Webhooks to loopback and private addresses (a one-person install, tests). */
  allowPrivateWebhooks?: boolean;
}

/** The top jobs of a batch as the messages show them. */
function topJobs(batch: Batch) {
  return batch.jobs.slice(0, 5).map((item) => ({
    title: item.job.title,
    company: item.job.company,
    match: Math.min(1, Math.max(0, item.why?.match ?? 0)),
    board: item.job.sources[0]?.label ?? "AURA",
    url: item.job.url,
  }));
}

export function createPersonNotifier(deps: NotifierDeps) {
  return async (userId: string, batch: Batch): Promise<string[]> => {
    const base = (typeof deps.appUrl === "function" ? deps.appUrl() : deps.appUrl).replace(
      /\/+$/,
      "",
    );
    const settings = await getNotificationSettings(deps.db, userId);
    const [user] = await deps.db
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, userId));
    const dashboardUrl = `${base}/${settings.language}/dashboard`;
    const reached: string[] = [];
    if (settings.email && user?.email && deps.mailer) {
      try {
        const token = signUnsubscribeToken(deps.secret, { userId, channel: "email" });
        const message = batchReadyMessage({
          language: settings.language,
          personName: user.name,
          jobs: topJobs(batch),
          dashboardUrl,
          unsubscribeUrl: `${base}/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
        });
        await deps.mailer.send({ to: user.email, ...message, kind: "batch-ready" });
        reached.push("email");
      } catch (error) {
        deps.log.warn(
          { event: "notify", channel: "email", userId, err: errorMessage(error) },
          "e-mail not sent",
        );
      }
    }
    if (settings.webhookUrl && settings.webhookSecret) {
      const { event, payload } = batchReadyWebhookPayload({
        batchId: String(batch.id),
        batchNumber: batch.number,
        jobs: topJobs(batch),
        dashboardUrl,
      });
      const delivery = await deliverWebhook({
        url: settings.webhookUrl,
        secret: settings.webhookSecret,
        event,
        payload,
        ...deps.config.notify.webhook,
        allowPrivate: deps.allowPrivateWebhooks,
        log: deps.log,
      }).catch((error: unknown) => ({ ok: false as const, reason: errorMessage(error) }));
      if (delivery.ok) reached.push("webhook");
      else
        deps.log.warn(
          { event: "notify", channel: "webhook", userId, reason: delivery.reason },
          "webhook not delivered",
        );
    }
    return reached;
  };
}

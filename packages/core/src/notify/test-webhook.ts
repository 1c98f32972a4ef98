// The settings' "send a test" button: the signed test event, posted once to the person's saved
// webhook now, and what happened, in words they can act on.
import type { Database } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { type Logger, silentLogger } from "../log/logger.ts";
import { z } from "../shared/contract-zod.ts";
import { getNotificationSettings } from "./notification-settings.ts";
import { deliverWebhook, webhookTestPayload } from "./webhook.ts";

export const webhookTestResultSchema = z
  .object({
    delivered: z.boolean().meta({ description: "Whether the receiver answered 2xx" }),
    status: z.number().int().nullable().meta({
      description: "The receiver's HTTP status; null when it could not be reached",
    }),
    reason: z
      .string()
      .nullable()
      .meta({ description: "Why it was not delivered; null when it was" }),
    deliveryId: z.string().nullable().meta({
      description: "X-Aura-Delivery of the test; null when nothing was sent",
    }),
    event: z.literal("webhook.test"),
    url: z.string().meta({ description: "Where it was sent (your saved webhook URL)" }),
  })
  .meta({ id: "WebhookTestResult" });
export type WebhookTestResult = z.infer<typeof webhookTestResultSchema>;

export interface SendTestWebhookOptions {
  /** Loopback and private addresses (the server allows them: a one-person install, tests). */
  allowPrivate?: boolean;
  /** Most milliseconds the receiver may take (default 10 s). */
  timeoutMs?: number;
  log?: Logger;
  /** Sends with this fetch instead of node:http(s) (see WebhookOptions.fetch). */
  fetch?: typeof fetch;
}

/**
 * Posts the signed `webhook.test` event to the person's saved webhook, once (no retries: the
 * person is waiting for the answer, and pressing again is a retry). A refused URL (a private
 * address the server does not post to) is reported as not delivered, with the reason.
 * Throws AppError("conflict", field "webhookUrl") when no webhook is set.
 */
export async function sendTestWebhook(
  db: Database,
  userId: string,
  options: SendTestWebhookOptions = {},
): Promise<WebhookTestResult> {
  const settings = await getNotificationSettings(db, userId);
  if (!settings.webhookUrl || !settings.webhookSecret) {
    throw new AppError("conflict", "No webhook is set: save a webhook URL first.", {
      field: "webhookUrl",
    });
  }
  const { event, payload } = webhookTestPayload();
  const base = { event: "webhook.test" as const, url: settings.webhookUrl };
  try {
    const delivery = await deliverWebhook({
      url: settings.webhookUrl,
      secret: settings.webhookSecret,
      event,
      payload,
      retries: 0,
      backoffMs: 0,
      timeoutMs: options.timeoutMs ?? 10_000,
      allowPrivate: options.allowPrivate,
      fetch: options.fetch,
      log: options.log ?? silentLogger,
    });
    return delivery.ok
      ? { ...base, delivered: true, status: delivery.status, reason: null, deliveryId: delivery.id }
      : {
          ...base,
          delivered: false,
          status: delivery.status ?? null,
          reason: delivery.reason,
          deliveryId: delivery.id,
        };
  } catch (error) {
    // The URL itself is not acceptable (e.g. a private address): nothing was sent.
    if (error instanceof AppError && error.code === "invalid_input") {
      return { ...base, delivered: false, status: null, reason: error.message, deliveryId: null };
    }
    throw error;
  }
}

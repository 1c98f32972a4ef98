// How a person is told their batch is ready: their settings (and a test of their webhook), when
// their next batch is due (and asking for one now, once an hour), and the unsubscribe link of
// every e-mail (signed, no sign-in needed; GET and one-click POST).
import {
  AppError,
  askForBatch,
  batchAskAllowedAt,
  batchAskSchema,
  getNotificationSettings,
  notificationSettingsInputSchema,
  notificationSettingsView,
  notificationSettingsViewSchema,
  personSchedules,
  saveNotificationSettings,
  sendTestWebhook,
  unsubscribe,
  verifyUnsubscribeToken,
  webhookTestResultSchema,
} from "@aura/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { ApiDeps } from "../app.ts";
import { createRouter, errorResponses, json, jsonBody, security } from "../openapi.ts";

const getSettings = createRoute({
  method: "get",
  path: "/api/notifications",
  tags: ["profile"],
  summary: "How you are told a batch is ready: e-mail, webhook, language and time zone",
  security,
  responses: {
    200: json(notificationSettingsViewSchema, "Your settings"),
    ...errorResponses(401),
  },
});

const putSettings = createRoute({
  method: "put",
  path: "/api/notifications",
  tags: ["profile"],
  summary:
    "Change your notification settings (keys left out stay); a new webhook URL gets a new signing secret",
  security,
  request: { body: jsonBody(notificationSettingsInputSchema) },
  responses: {
    200: json(notificationSettingsViewSchema, "Saved settings"),
    ...errorResponses(400, 401, 413, 429),
  },
});

const schedule = createRoute({
  method: "get",
  path: "/api/schedule",
  tags: ["batches"],
  summary: "When your next batch is due (your search frequency), in UTC and your time zone",
  security,
  responses: {
    200: json(
      z
        .object({
          frequencyDays: z.number().int(),
          nextDueAt: z.string().nullable().openapi({
            description: "UTC; null while a batch waits for you to rate it, or with no CV or roles",
          }),
          batchWaiting: z
            .boolean()
            .openapi({ description: "A batch waits for you to rate it (nextDueAt is then null)" }),
          timeZone: z.string(),
          scheduling: z.boolean().openapi({ description: "Whether this server runs schedules" }),
          canAskNow: z.boolean().openapi({
            description:
              "Whether this server prepares a batch on request (POST /api/schedule/run-now)",
          }),
          askAllowedAt: z.string().nullable().openapi({
            description:
              "UTC: when you may ask for a batch again (once an hour); null when you may ask now",
          }),
        })
        .openapi("Schedule"),
      "Your schedule",
    ),
    ...errorResponses(401),
  },
});

const testWebhook = createRoute({
  method: "post",
  path: "/api/notifications/webhook/test",
  tags: ["profile"],
  summary: "Send a signed test event to your saved webhook now, and say what happened",
  description:
    'Posts `webhook.test` once (no retries: press again to retry), signed like every event: `X-Aura-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with your webhook secret>`. 200 whether or not the receiver took it: `delivered` and `status` say how it answered, `reason` why not. A URL on a private or local address is not posted to unless this server allows it. 409 when no webhook is set.',
  security,
  responses: {
    200: json(webhookTestResultSchema, "What the receiver answered"),
    ...errorResponses(401, 409, 429),
  },
});

const runNow = createRoute({
  method: "post",
  path: "/api/schedule/run-now",
  tags: ["batches"],
  summary: "Ask for your next batch now (at most once an hour)",
  description:
    "Queues your run at once: your models learn what changed, your next batch is prepared and you are told, as when it is due. 202 once queued, with when you may ask again. 429 (with Retry-After) when you asked less than an hour ago. 409 when there is nothing to prepare (no CV or roles: field `profile`; a batch waits to be rated: `batch`; liked jobs of your last batch without an application: `applications`) — the hour is not used up then — and when this server does not run the agent's tasks (schedules off, or an API without them: field `tasks`); `canAskNow` in GET /api/schedule says which.",
  security,
  responses: {
    202: json(batchAskSchema, "Queued: your batch is being prepared"),
    ...errorResponses(401, 409, 429),
  },
});

const tokenQuery = z.object({
  token: z.string().min(1).max(500).openapi({ description: "From the e-mail's link" }),
});

const unsubscribeGet = createRoute({
  method: "get",
  path: "/api/notifications/unsubscribe",
  tags: ["profile"],
  summary: "Stop these e-mails (the link in each one; no sign-in needed)",
  request: { query: tokenQuery },
  responses: {
    200: {
      description: "A page saying it is done",
      content: { "text/html": { schema: z.string() } },
    },
    ...errorResponses(400),
  },
});

const unsubscribePost = createRoute({
  method: "post",
  path: "/api/notifications/unsubscribe",
  tags: ["profile"],
  summary: "One-click unsubscribe (RFC 8058), as mail programs send it",
  request: { query: tokenQuery },
  responses: {
    200: json(z.object({ unsubscribed: z.enum(["email", "webhook"]) }), "Done"),
    ...errorResponses(400),
  },
});

const DONE_PAGE = {
  title: "Unsubscribed — AURA",
  text: "You will no longer get these messages from AURA. Turn them on again in Settings.",
};

export function notificationRoutes(deps: ApiDeps) {
  const { db } = deps;
  const allowPrivate = deps.allowPrivateWebhooks === true;
  const mailConfigured = deps.mailer === undefined ? null : deps.mailer !== null;
  const view = (userId: string, settings?: Awaited<ReturnType<typeof getNotificationSettings>>) =>
    notificationSettingsView(db, userId, { mailConfigured, settings });
  const claimOf = (token: string) => {
    const claim = verifyUnsubscribeToken(deps.secret, token);
    if (!claim) {
      throw new AppError("invalid_input", "This unsubscribe link is not valid.", {
        field: "token",
      });
    }
    return claim;
  };
  return createRouter()
    .openapi(getSettings, async (c) => c.json(await view(c.get("userId")), 200))
    .openapi(putSettings, async (c) => {
      const userId = c.get("userId");
      const saved = await saveNotificationSettings(db, userId, c.req.valid("json"), {
        allowPrivateWebhooks: allowPrivate,
      });
      return c.json(await view(userId, saved), 200);
    })
    .openapi(testWebhook, async (c) =>
      c.json(
        await sendTestWebhook(db, c.get("userId"), {
          allowPrivate,
          timeoutMs: Math.min(deps.config.notify.webhook.timeoutMs, 10_000),
          log: deps.log,
        }),
        200,
      ),
    )
    .openapi(schedule, async (c) => {
      const userId = c.get("userId");
      const [mine] = await personSchedules(db, userId);
      const settings = await getNotificationSettings(db, userId);
      const askAllowedAt = await batchAskAllowedAt(db, userId);
      return c.json(
        {
          frequencyDays: mine?.frequencyDays ?? 7,
          nextDueAt: mine?.nextDueAt?.toISOString() ?? null,
          batchWaiting: mine !== undefined && mine.nextDueAt === null,
          timeZone: settings.timeZone,
          scheduling: deps.config.schedule.enabled,
          canAskNow: deps.tasks !== undefined,
          askAllowedAt: askAllowedAt?.toISOString() ?? null,
        },
        200,
      );
    })
    .openapi(runNow, async (c) => {
      const { tasks } = deps;
      if (!tasks) {
        throw new AppError(
          "conflict",
          "This server does not run the agent's tasks (its schedules are off), so it cannot prepare a batch on request.",
          { field: "tasks" },
        );
      }
      const asked = await askForBatch(db, c.get("userId"), (userId) => tasks.runPersonNow(userId));
      return c.json(asked, 202);
    })
    .openapi(unsubscribeGet, async (c) => {
      const claim = claimOf(c.req.valid("query").token);
      await unsubscribe(db, claim.userId, claim.channel);
      return c.html(
        `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${DONE_PAGE.title}</title><body style="font-family:system-ui,sans-serif;background:#0B0F19;color:#E6E8EE;padding:2rem"><h1>Unsubscribed</h1><p>${DONE_PAGE.text}</p></body></html>`,
        200,
      );
    })
    .openapi(unsubscribePost, async (c) => {
      const claim = claimOf(c.req.valid("query").token);
      await unsubscribe(db, claim.userId, claim.channel);
      return c.json({ unsubscribed: claim.channel }, 200);
    });
}

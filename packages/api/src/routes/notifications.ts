// How a person is told their batch is ready: their settings, when their next batch is due,
// and the unsubscribe link of every e-mail (signed, no sign-in needed; GET and one-click POST).
import {
  AppError,
  getNotificationSettings,
  notificationSettingsInputSchema,
  notificationSettingsSchema,
  personSchedules,
  saveNotificationSettings,
  unsubscribe,
  verifyUnsubscribeToken,
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
  responses: { 200: json(notificationSettingsSchema, "Your settings"), ...errorResponses(401) },
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
    200: json(notificationSettingsSchema, "Saved settings"),
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
          timeZone: z.string(),
          scheduling: z.boolean().openapi({ description: "Whether this server runs schedules" }),
        })
        .openapi("Schedule"),
      "Your schedule",
    ),
    ...errorResponses(401),
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
    .openapi(getSettings, async (c) =>
      c.json(await getNotificationSettings(db, c.get("userId")), 200),
    )
    .openapi(putSettings, async (c) =>
      c.json(await saveNotificationSettings(db, c.get("userId"), c.req.valid("json")), 200),
    )
    .openapi(schedule, async (c) => {
      const userId = c.get("userId");
      const [mine] = await personSchedules(db, userId);
      const settings = await getNotificationSettings(db, userId);
      return c.json(
        {
          frequencyDays: mine?.frequencyDays ?? 7,
          nextDueAt: mine?.nextDueAt?.toISOString() ?? null,
          timeZone: settings.timeZone,
          scheduling: deps.config.schedule.enabled,
        },
        200,
      );
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

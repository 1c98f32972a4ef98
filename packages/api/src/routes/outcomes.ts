// Outcomes: what happened to an application; each stage is a reward the learning loop reads.
import { listOutcomes, outcomeInputSchema, outcomeSchema, recordOutcome } from "@aura/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { ApiDeps } from "../app.ts";
import {
  createRouter,
  errorResponses,
  json,
  jsonBody,
  paginationSchema,
  security,
} from "../openapi.ts";

const record = createRoute({
  method: "post",
  path: "/api/outcomes",
  tags: ["outcomes"],
  summary: "Record what happened to an application",
  security,
  request: { body: jsonBody(outcomeInputSchema) },
  responses: {
    201: json(outcomeSchema, "The stored outcome"),
    ...errorResponses(400, 401, 404, 413, 429),
  },
});

const list = createRoute({
  method: "get",
  path: "/api/outcomes",
  tags: ["outcomes"],
  summary: "Your outcomes, newest first (of one job with jobId)",
  security,
  request: {
    query: paginationSchema.extend({ jobId: z.coerce.number().int().positive().optional() }),
  },
  responses: {
    200: json(z.object({ outcomes: z.array(outcomeSchema) }), "Outcomes"),
    ...errorResponses(400, 401),
  },
});

export function outcomeRoutes(deps: ApiDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(record, async (c) =>
      c.json(await recordOutcome(db, c.get("userId"), c.req.valid("json")), 201),
    )
    .openapi(list, async (c) =>
      c.json({ outcomes: await listOutcomes(db, c.get("userId"), c.req.valid("query")) }, 200),
    );
}

// Ratings: 1–5 stars per job (with optional detail scores and a comment), taken back while open.
import { deleteRating, listRatings, rateJob, ratingInputSchema, ratingSchema } from "@aura/core";
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

const rate = createRoute({
  method: "post",
  path: "/api/ratings",
  tags: ["ratings"],
  summary: "Rate a job 1–5 stars (replaces your earlier rating of it)",
  security,
  request: { body: jsonBody(ratingInputSchema) },
  responses: {
    200: json(ratingSchema, "The stored rating"),
    ...errorResponses(400, 401, 404, 413, 429),
  },
});

const takeBack = createRoute({
  method: "delete",
  path: "/api/ratings/{jobId}",
  tags: ["ratings"],
  summary: "Take back your rating of a job (not in a locked batch)",
  security,
  request: {
    params: z.object({
      jobId: z.coerce
        .number()
        .int()
        .positive()
        .openapi({ param: { name: "jobId", in: "path" } }),
    }),
  },
  responses: {
    204: { description: "The rating is gone" },
    ...errorResponses(400, 401, 404, 409, 429),
  },
});

const list = createRoute({
  method: "get",
  path: "/api/ratings",
  tags: ["ratings"],
  summary: "Your ratings, newest first",
  security,
  request: { query: paginationSchema },
  responses: {
    200: json(z.object({ ratings: z.array(ratingSchema) }), "Ratings"),
    ...errorResponses(400, 401),
  },
});

export function ratingRoutes(deps: ApiDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(rate, async (c) =>
      c.json(await rateJob(db, c.get("userId"), c.req.valid("json")), 200),
    )
    .openapi(takeBack, async (c) => {
      await deleteRating(db, c.get("userId"), c.req.valid("param").jobId);
      return c.body(null, 204);
    })
    .openapi(list, async (c) =>
      c.json({ ratings: await listRatings(db, c.get("userId"), c.req.valid("query")) }, 200),
    );
}

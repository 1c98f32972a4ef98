// Batches: the jobs to rate, made by the person's batch policy; locking one opens the next.
import {
  AppError,
  batchSchema,
  currentBatch,
  declineApplications,
  getBatch,
  listBatches,
  lockBatch,
  openBatch,
  pendingApplications,
} from "@aura/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { ApiDeps } from "../app.ts";
import { createRouter, errorResponses, idParamSchema, json, security } from "../openapi.ts";

const open = createRoute({
  method: "post",
  path: "/api/batches",
  tags: ["batches"],
  summary: "Your open batch of jobs to rate, made now if there is none",
  security,
  responses: {
    200: json(batchSchema, "The batch already open"),
    201: json(batchSchema, "A new batch"),
    ...errorResponses(401, 409, 429),
  },
});

const list = createRoute({
  method: "get",
  path: "/api/batches",
  tags: ["batches"],
  summary: "Your batches, newest first, with their jobs and your ratings",
  security,
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
    }),
  },
  responses: {
    200: json(z.object({ batches: z.array(batchSchema) }), "Batches"),
    ...errorResponses(400, 401),
  },
});

const current = createRoute({
  method: "get",
  path: "/api/batches/current",
  tags: ["batches"],
  summary: "Your open batch (404 when none is open: GET /api/batches?limit=1 asks without one)",
  security,
  responses: { 200: json(batchSchema, "The open batch"), ...errorResponses(401, 404) },
});

const one = createRoute({
  method: "get",
  path: "/api/batches/{id}",
  tags: ["batches"],
  summary: "One of your batches",
  security,
  request: { params: idParamSchema },
  responses: { 200: json(batchSchema, "The batch"), ...errorResponses(400, 401, 404) },
});

const lock = createRoute({
  method: "post",
  path: "/api/batches/{id}/lock",
  tags: ["batches"],
  summary:
    "Lock a batch whose jobs are all rated (your models then learn from it in the background); with next=true, open the next one",
  security,
  request: {
    params: idParamSchema,
    query: z.object({ next: z.enum(["true", "false"]).optional() }),
  },
  responses: {
    200: json(
      z
        .object({
          batch: batchSchema,
          next: batchSchema.nullable(),
          pendingApplications: z
            .object({ batchId: z.number().int(), liked: z.number().int() })
            .nullable()
            .openapi({
              description:
                "Why next is null: this batch had liked jobs and no application is confirmed yet",
            }),
        })
        .openapi("LockResult"),
      "Locked (and the next batch)",
    ),
    ...errorResponses(400, 401, 404, 409, 429),
  },
});

const none = createRoute({
  method: "post",
  path: "/api/batches/{id}/no-applications",
  tags: ["batches"],
  summary: "Say you apply to none of a batch's jobs, so the next batch can open",
  security,
  request: { params: idParamSchema },
  responses: { 204: { description: "Noted" }, ...errorResponses(400, 401, 404) },
});

export function batchRoutes(deps: ApiDeps) {
  const { db } = deps;
  const options = () => ({ config: deps.config.rank, cacheDir: deps.config.dataDir });
  return createRouter()
    .openapi(open, async (c) => {
      const { batch, created } = await openBatch(
        db,
        await deps.embedder(),
        c.get("userId"),
        options(),
      );
      return c.json(batch, created ? 201 : 200);
    })
    .openapi(list, async (c) =>
      c.json({ batches: await listBatches(db, c.get("userId"), c.req.valid("query").limit) }, 200),
    )
    .openapi(current, async (c) => {
      const batch = await currentBatch(db, c.get("userId"));
      if (!batch) throw new AppError("not_found", "No batch is open; POST /api/batches makes one.");
      return c.json(batch, 200);
    })
    .openapi(one, async (c) =>
      c.json(await getBatch(db, c.get("userId"), c.req.valid("param").id), 200),
    )
    .openapi(lock, async (c) => {
      const userId = c.get("userId");
      const batch = await lockBatch(db, userId, c.req.valid("param").id);
      // Their models learn from these ratings off the request path (a worker thread or a queue
      // worker); the next batch opened here already refits the bandit, later ones use the rest.
      await deps.tasks?.trainPerson(userId).catch((error: unknown) => {
        deps.log?.warn({ event: "task", task: "train-person", userId, err: error }, "not queued");
      });
      // The next batch waits while a liked job of this one has no confirmed application.
      const pending = await pendingApplications(db, userId);
      const next =
        c.req.valid("query").next === "true" && !pending
          ? (await openBatch(db, await deps.embedder(), userId, options())).batch
          : null;
      return c.json({ batch, next, pendingApplications: pending }, 200);
    })
    .openapi(none, async (c) => {
      await declineApplications(db, c.get("userId"), c.req.valid("param").id);
      return c.body(null, 204);
    });
}

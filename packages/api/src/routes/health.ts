// Is the API up and its database reachable? (For load balancers and the container's HEALTHCHECK.)
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { ApiDeps } from "../app.ts";
import { createRouter, json } from "../openapi.ts";

const databaseKind = z.enum(["pglite", "postgres"]);

const healthz = createRoute({
  method: "get",
  path: "/api/healthz",
  tags: ["health"],
  summary: "Is the API up and its database reachable?",
  responses: {
    200: json(z.object({ status: z.literal("ok"), database: databaseKind }), "Up"),
    503: json(
      z.object({ status: z.literal("unavailable"), database: databaseKind }),
      "Database unreachable",
    ),
  },
});

export function healthRoutes(deps: ApiDeps) {
  return createRouter().openapi(healthz, async (c) => {
    try {
      await deps.db.execute(sql`SELECT 1`);
      return c.json({ status: "ok" as const, database: deps.databaseKind }, 200);
    } catch {
      return c.json({ status: "unavailable" as const, database: deps.databaseKind }, 503);
    }
  });
}

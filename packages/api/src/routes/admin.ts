// The admin view across users, for the people named in `admins`.
import {
  AppError,
  adminOverview,
  adminOverviewSchema,
  agentOverview,
  agentOverviewSchema,
  isAdminUser,
} from "@aura/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiDeps } from "../app.ts";
import { createRouter, errorResponses, json, security } from "../openapi.ts";

const overview = createRoute({
  method: "get",
  path: "/api/admin/overview",
  tags: ["admin"],
  summary: "Every user's figures, the pipeline's last runs and each board's health (admins only)",
  security,
  responses: {
    200: json(adminOverviewSchema, "The overview"),
    ...errorResponses(401, 403),
  },
});

const agent = createRoute({
  method: "get",
  path: "/api/admin/agent",
  tags: ["admin"],
  summary:
    "What the agent runs by itself: its schedules and queue, the last task runs and failures, each task's figures and who is due (admins only)",
  security,
  responses: {
    200: json(agentOverviewSchema, "The agent's overview"),
    ...errorResponses(401, 403),
  },
});

export function adminRoutes(deps: ApiDeps) {
  const requireAdmin = async (userId: string) => {
    if (!(await isAdminUser(deps.db, deps.config, userId))) {
      throw new AppError(
        "forbidden",
        "Only AURA's admins see this: ask one to add your e-mail to `admins` in aura.config.yaml.",
      );
    }
  };
  return createRouter()
    .openapi(overview, async (c) => {
      await requireAdmin(c.get("userId"));
      return c.json(await adminOverview(deps.db), 200);
    })
    .openapi(agent, async (c) => {
      await requireAdmin(c.get("userId"));
      const status = await deps.tasks?.status();
      return c.json(await agentOverview(deps.db, { config: deps.config, status }), 200);
    });
}

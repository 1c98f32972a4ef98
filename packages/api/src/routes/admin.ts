// The admin view across users, for the people named in `admins`.
import { AppError, adminOverview, adminOverviewSchema, isAdminUser } from "@aura/core";
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

export function adminRoutes(deps: ApiDeps) {
  return createRouter().openapi(overview, async (c) => {
    if (!(await isAdminUser(deps.db, deps.config, c.get("userId")))) {
      throw new AppError(
        "forbidden",
        "Only AURA's admins see this: ask one to add your e-mail to `admins` in aura.config.yaml.",
      );
    }
    return c.json(await adminOverview(deps.db), 200);
  });
}

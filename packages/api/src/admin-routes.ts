// The admin view across users: GET /api/admin/overview, for the people named in `admins`.
import { type AuraConfig, adminOverview, type Database, LOCAL_USER_ID, schema } from "@aura/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { errorBody } from "./errors.ts";
import { type ApiEnv, json, security } from "./openapi.ts";
import { errorResponses } from "./schemas.ts";

/**
 * Whether a person sees the admin view: their e-mail is in `admins` (any case), or they are
 * the single local user of a personal install.
 */
export function isAdmin(
  config: Pick<AuraConfig, "admins">,
  user: { id: string; email?: string | null },
): boolean {
  if (user.id === LOCAL_USER_ID) return true;
  const email = user.email?.trim().toLowerCase();
  return Boolean(email) && config.admins.some((admin) => admin.trim().toLowerCase() === email);
}

const stageCounts = z.object(
  Object.fromEntries(schema.OUTCOME_STAGES.map((stage) => [stage, z.number().int()])) as Record<
    schema.OutcomeStage,
    z.ZodNumber
  >,
);

export const adminOverviewSchema = z
  .object({
    generatedAt: z.string(),
    counts: z.object({
      users: z.number().int(),
      profilesWithCv: z.number().int(),
      batches: z.number().int(),
      ratings: z.number().int(),
      applications: z
        .number()
        .int()
        .openapi({ description: "Jobs someone recorded an outcome for (per person and job)" }),
      outcomes: stageCounts.openapi({ description: "Outcome rows by stage" }),
      jobs: z.object({ live: z.number().int(), expired: z.number().int() }),
    }),
    runs: z
      .array(
        z.object({
          id: z.number().int(),
          kind: z.enum(["ingest", "import"]),
          startedAt: z.string(),
          finishedAt: z.string().nullable(),
          status: z.enum(["ok", "partial", "failed", "running"]),
          offline: z.boolean(),
          durationMs: z.number().int().nullable(),
          sources: z.number().int(),
          fetched: z.number().int(),
          new: z.number().int(),
          updated: z.number().int(),
          duplicates: z.number().int(),
          skipped: z.number().int(),
          errors: z.number().int(),
          expired: z.number().int(),
          messages: z.array(z.string()),
        }),
      )
      .openapi({ description: "The newest 20 pipeline runs (ingests and imports), newest first" }),
    sources: z
      .array(
        z.object({
          source: z.string(),
          label: z.string(),
          liveJobs: z.number().int(),
          totalJobs: z.number().int(),
          lastSuccessAt: z.string().nullable(),
          lastRunAt: z.string().nullable(),
          lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
        }),
      )
      .openapi({ description: "Each board's live jobs and last fetches, most live jobs first" }),
    users: z
      .array(
        z.object({
          userId: z.string(),
          name: z.string(),
          createdAt: z.string(),
          hasCv: z.boolean(),
          batches: z.number().int(),
          ratings: z.number().int(),
          averageStars: z.number().nullable(),
          applications: z.number().int(),
        }),
      )
      .openapi({ description: "People, most ratings first (500 at most)" }),
  })
  .openapi("AdminOverview");

/** Registers the admin routes on the API; `config.admins` says who may call them. */
export function registerAdminRoutes(
  app: OpenAPIHono<ApiEnv>,
  deps: { db: Database; config: Pick<AuraConfig, "admins"> },
): void {
  const { db, config } = deps;
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/admin/overview",
      tags: ["admin"],
      summary:
        "Every user's figures, the pipeline's last runs and each board's health (admins only)",
      security,
      responses: {
        200: json(adminOverviewSchema, "The overview"),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      const userId = c.get("userId");
      const [user] = await db
        .select({ id: schema.users.id, email: schema.users.email })
        .from(schema.users)
        .where(eq(schema.users.id, userId));
      if (!isAdmin(config, user ?? { id: userId })) {
        return c.json(
          errorBody(
            "forbidden",
            "Only AURA's admins see this: ask one to add your e-mail to `admins` in aura.config.yaml.",
          ),
          403,
        );
      }
      return c.json(await adminOverview(db), 200);
    },
  );
}

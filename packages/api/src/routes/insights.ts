// What the person's search adds up to: the jobs AURA holds, metrics per week, skills to learn.
import {
  embeddingProgress,
  getProfile,
  rankJobs,
  skillGap,
  skillGapSchema,
  userMetrics,
  userMetricsSchema,
} from "@aura/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { ApiDeps } from "../app.ts";
import { createRouter, errorResponses, json, security } from "../openapi.ts";

const status = createRoute({
  method: "get",
  path: "/api/status",
  tags: ["jobs"],
  summary: "The jobs AURA holds and how many are read for meaning",
  description:
    "The web app's progress while preparing a first batch: live jobs gathered, and how many " +
    "of them the sentence encoder has embedded (the rest cannot be ranked by meaning yet).",
  security,
  responses: {
    200: json(
      z.object({ jobs: z.number().int(), embedded: z.number().int(), model: z.string() }),
      "Jobs and embeddings",
    ),
    ...errorResponses(401),
  },
});

const metrics = createRoute({
  method: "get",
  path: "/api/metrics",
  tags: ["metrics"],
  summary: "Your ratings, batches and outcomes in figures, per week",
  security,
  responses: { 200: json(userMetricsSchema, "Metrics"), ...errorResponses(401) },
});

const skills = createRoute({
  method: "get",
  path: "/api/skills",
  tags: ["metrics"],
  summary: "The skills your liked jobs ask for that your CV lacks: the top 5 to learn next",
  security,
  responses: { 200: json(skillGapSchema, "The skill gap and plan"), ...errorResponses(401) },
});

export function insightRoutes(deps: ApiDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(status, async (c) => {
      const model = (await deps.embedder()).modelId;
      return c.json({ ...(await embeddingProgress(db, model)), model }, 200);
    })
    .openapi(metrics, async (c) => c.json(await userMetrics(db, c.get("userId")), 200))
    .openapi(skills, async (c) => {
      const userId = c.get("userId");
      const gap = await skillGap(db, userId, {
        // Before any liked job, the plan reads the 20 jobs closest to the profile.
        closestMatches: async () => {
          const profile = await getProfile(db, userId);
          if (!profile || (!profile.cvText && profile.preferences.roles.length === 0)) return [];
          const ranked = await rankJobs(db, await deps.embedder(), profile, {
            config: deps.config.rank,
            top: 20,
            cacheDir: deps.config.dataDir,
          });
          return ranked.jobs.map((r) => r.job.id);
        },
      });
      return c.json(gap, 200);
    });
}

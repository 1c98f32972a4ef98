// Jobs: the live list, one job in full, full-text search and the person's ranking.
import {
  AppError,
  getJob,
  getJobs,
  getProfile,
  jobViewSchema,
  listJobs,
  rankedJobView,
  rankedJobViewSchema,
  rankJobs,
  searchJobs,
  toJobView,
} from "@aura/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { ApiDeps } from "../app.ts";
import {
  createRouter,
  errorResponses,
  idParamSchema,
  json,
  paginationSchema,
  security,
} from "../openapi.ts";

const jobListSchema = z
  .object({
    jobs: z.array(jobViewSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi("JobList");

const list = createRoute({
  method: "get",
  path: "/api/jobs",
  tags: ["jobs"],
  summary: "Live jobs, newest first, optionally filtered",
  security,
  request: {
    query: paginationSchema.extend({
      remote: z.enum(["remote", "hybrid", "onsite"]).optional(),
      country: z
        .string()
        .regex(/^[A-Za-z]{2}$/, "must be a 2-letter country code such as DE")
        .optional(),
      since: z.iso.datetime({ offset: true }).optional(),
    }),
  },
  responses: { 200: json(jobListSchema, "A page of jobs"), ...errorResponses(400, 401) },
});

const one = createRoute({
  method: "get",
  path: "/api/jobs/{id}",
  tags: ["jobs"],
  summary: "One job in full, with every board that lists it",
  security,
  request: { params: idParamSchema },
  responses: { 200: json(jobViewSchema, "The job"), ...errorResponses(400, 401, 404) },
});

const search = createRoute({
  method: "get",
  path: "/api/search",
  tags: ["jobs"],
  summary: 'Full-text search, web syntax: "data engineer" python -senior',
  security,
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(500).openapi({ example: "python -senior" }),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: {
    200: json(z.object({ jobs: z.array(jobViewSchema) }), "Matching jobs, best first"),
    ...errorResponses(400, 401),
  },
});

const rank = createRoute({
  method: "get",
  path: "/api/rank",
  tags: ["jobs"],
  summary: "Your best matches first, each with its score, features and reasons",
  security,
  request: { query: z.object({ top: z.coerce.number().int().min(1).max(100).default(20) }) },
  responses: {
    200: json(
      z.object({
        jobs: z.array(rankedJobViewSchema),
        candidates: z.number().int(),
        model: z.string(),
      }),
      "Ranked jobs",
    ),
    ...errorResponses(400, 401),
  },
});

export function jobRoutes(deps: ApiDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(list, async (c) => {
      const { limit, offset, remote, country, since } = c.req.valid("query");
      const { jobs, total } = await listJobs(db, {
        limit,
        offset,
        remote,
        country,
        since: since ? new Date(since) : undefined,
      });
      return c.json({ jobs: jobs.map((job) => toJobView(job)), total, limit, offset }, 200);
    })
    .openapi(one, async (c) => {
      const { id } = c.req.valid("param");
      const job = await getJob(db, id);
      if (!job) throw new AppError("not_found", `There is no job ${id}.`, { field: "id" });
      return c.json(toJobView(job, { withDescription: true }), 200);
    })
    .openapi(search, async (c) => {
      const { q, limit } = c.req.valid("query");
      const hits = await searchJobs(db, q, limit);
      const stored = new Map(
        (
          await getJobs(
            db,
            hits.map((h) => h.jobId),
          )
        ).map((j) => [j.id, j]),
      );
      const jobs = hits.flatMap((h) => {
        const job = stored.get(h.jobId);
        return job ? [toJobView(job)] : [];
      });
      return c.json({ jobs }, 200);
    })
    .openapi(rank, async (c) => {
      const { top } = c.req.valid("query");
      const profile = await getProfile(db, c.get("userId"));
      if (!profile) {
        throw new AppError("invalid_input", "Upload a CV or set roles in your preferences first.", {
          field: "cv",
        });
      }
      const result = await rankJobs(db, await deps.embedder(), profile, {
        config: deps.config.rank,
        top,
        cacheDir: deps.config.dataDir,
      });
      return c.json(
        {
          jobs: result.jobs.map(rankedJobView),
          candidates: result.candidates,
          model: result.model,
        },
        200,
      );
    });
}

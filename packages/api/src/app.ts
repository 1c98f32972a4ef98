import {
  AppError,
  type AuraConfig,
  currentBatch,
  cvSections,
  type Database,
  defaultPreferences,
  deleteRating,
  type Embedder,
  embeddingProgress,
  extractCvText,
  getBatch,
  getJob,
  getJobs,
  getProfile,
  listBatches,
  listJobs,
  listOutcomes,
  listRatings,
  lockBatch,
  MAX_CV_BYTES,
  openBatch,
  pendingApplications,
  rankedJobView,
  rankJobs,
  rateJob,
  recordOutcome,
  saveProfile,
  searchJobs,
  skillGap,
  toJobView,
  userMetrics,
} from "@aura/core";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { isAdmin, registerAdminRoutes } from "./admin-routes.ts";
import { registerApplicationRoutes } from "./application-routes.ts";
import { type Auth, createApiToken, deleteApiToken, userOfApiToken } from "./auth.ts";
import { errorBody, errorResponse, validationResponse } from "./errors.ts";
import { type ApiEnv, json, jsonBody, security } from "./openapi.ts";
import { createRateLimiter, type RateLimit } from "./rate-limit.ts";
import { referencePage } from "./reference-page.ts";
import {
  batchSchema,
  cvSchema,
  errorResponses,
  idParamSchema,
  jobListSchema,
  jobSchema,
  metricsSchema,
  outcomeInputSchema,
  outcomeSchema,
  paginationSchema,
  preferencesInputSchema,
  preferencesSchema,
  rankedJobSchema,
  ratingInputSchema,
  ratingSchema,
  signInSchema,
  signUpSchema,
  skillGapSchema,
  tokenInputSchema,
  userSchema,
} from "./schemas.ts";

export interface ApiDeps {
  db: Database;
  databaseKind: "pglite" | "postgres";
  config: AuraConfig;
  auth: Auth;
  /** The sentence encoder, opened on first use (ranking and batches need it). */
  embedder: () => Promise<Embedder>;
  /** Origins allowed to call with credentials (CORS), e.g. the web app's. */
  allowedOrigins: string[];
  limits?: { signIn?: RateLimit; writes?: RateLimit };
}

type Env = ApiEnv;

const JSON_BODY_LIMIT = 64 * 1024;
const CV_BODY_LIMIT = MAX_CV_BYTES + 64 * 1024;
const DEFAULT_LIMITS = {
  signIn: { max: 10, windowMs: 60_000 },
  writes: { max: 3_000, windowMs: 60_000 },
};

/** A 429 saying how long to wait. */
function tooMany(c: Context, wait: number, what: string): Response {
  c.header("Retry-After", String(wait));
  return c.json(errorBody("rate_limited", `Too many ${what}; wait ${wait} s.`), 429);
}

/** The signed session cookie's value (better-auth's `…session_token`), if any. */
function sessionToken(c: Context): string | null {
  for (const [name, value] of Object.entries(getCookie(c))) {
    if (name.endsWith(".session_token") && value) return value;
  }
  return null;
}

/**
 * Users of session cookies seen in the last SESSION_CACHE_MS (never past the session's end).
 * Signing out here forgets the cookie at once; a session ended in another process, or in the
 * database, stays usable here for at most that long, as better-auth's own cookie cache allows.
 */
const SESSION_CACHE_MS = 30_000;
const SESSION_CACHE_SIZE = 10_000;

function createSessionCache(now: () => number = Date.now) {
  const entries = new Map<string, { userId: string; until: number }>();
  return {
    get(token: string): string | null {
      const entry = entries.get(token);
      if (!entry) return null;
      if (entry.until <= now()) {
        entries.delete(token);
        return null;
      }
      return entry.userId;
    },
    set(token: string, userId: string, expiresAt: number) {
      if (entries.size >= SESSION_CACHE_SIZE) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(token, { userId, until: Math.min(now() + SESSION_CACHE_MS, expiresAt) });
    },
    delete(token: string) {
      entries.delete(token);
    },
  };
}

/** The caller's address: the socket's under @hono/node-server, else "unknown". */
function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/**
 * The AURA HTTP API under /api: Hono routes declared with zod, an OpenAPI document at
 * /api/openapi.json and a reference page at /api/docs. Every route but health, docs and
 * sign-in needs a user (a session cookie or a personal API token) and sees only their data.
 */
export function createApi(deps: ApiDeps) {
  const { db, auth } = deps;
  const signInLimiter = createRateLimiter(deps.limits?.signIn ?? DEFAULT_LIMITS.signIn);
  const writeLimiter = createRateLimiter(deps.limits?.writes ?? DEFAULT_LIMITS.writes);
  const allowed = new Set(deps.allowedOrigins);

  const app = new OpenAPIHono<Env>({
    defaultHook: (result, c) => {
      if (!result.success) return validationResponse(c, result.error, result.target);
    },
  });

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const code =
        error.status === 413 ? "too_large" : error.status === 400 ? "invalid_input" : "internal";
      const message =
        error.status === 400
          ? `The request body could not be read: ${error.message}`
          : error.message;
      return c.json(errorBody(code, message), error.status);
    }
    return errorResponse(c, error);
  });
  app.notFound((c) =>
    c.json(errorBody("not_found", `There is no ${c.req.method} ${c.req.path}.`), 404),
  );

  app.use("*", secureHeaders());
  app.use(
    "/api/*",
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      credentials: true,
      allowHeaders: ["Content-Type", "Authorization"],
      allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
      maxAge: 600,
    }),
  );
  // The rest of the body is never read, so the connection cannot carry another request.
  const tooLarge = (c: Context) =>
    c.json(errorBody("too_large", "The request body is too large."), 413, {
      Connection: "close",
    });
  app.use("/api/cv", bodyLimit({ maxSize: CV_BODY_LIMIT, onError: tooLarge }));
  app.use("/api/*", async (c, next) => {
    if (c.req.path === "/api/cv") return next();
    return bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: tooLarge })(c, next);
  });

  /** Sessions checked lately, by their signed cookie: reading one costs better-auth ~0.7 ms. */
  const sessions = createSessionCache();
  const sessionUser = async (c: Context): Promise<string | null> => {
    const token = sessionToken(c);
    if (!token) return null;
    const known = sessions.get(token);
    if (known) return known;
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    if (!session) return null;
    sessions.set(token, session.user.id, new Date(session.session.expiresAt).getTime());
    return session.user.id;
  };

  const requireUser = createMiddleware<Env>(async (c, next) => {
    const header = c.req.header("authorization");
    let userId: string | null = null;
    if (header?.toLowerCase().startsWith("bearer ")) {
      userId = await userOfApiToken(db, header.slice(7).trim());
    } else {
      userId = await sessionUser(c);
    }
    if (!userId) {
      return c.json(
        errorBody(
          "unauthorized",
          "Sign in first: a session cookie, or Authorization: Bearer <API token>.",
        ),
        401,
      );
    }
    c.set("userId", userId);
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const wait = writeLimiter.hit(userId);
      if (wait > 0) return tooMany(c, wait, "changes");
    }
    await next();
  });
  const publicPaths = new Set(["/api/healthz", "/api/openapi.json", "/api/docs"]);
  app.use("/api/*", async (c, next) => {
    if (publicPaths.has(c.req.path) || c.req.path.startsWith("/api/auth/")) return next();
    return requireUser(c, next);
  });
  app.use("/api/auth/sign-in/*", async (c, next) => {
    const wait = signInLimiter.hit(clientAddress(c));
    return wait > 0 ? tooMany(c, wait, "sign-in attempts") : next();
  });
  app.use("/api/auth/sign-up/*", async (c, next) => {
    const wait = signInLimiter.hit(`up:${clientAddress(c)}`);
    return wait > 0 ? tooMany(c, wait, "sign-ups") : next();
  });

  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "apiToken", {
    type: "http",
    scheme: "bearer",
    description: "A personal API token from POST /api/tokens",
  });

  // --- health ---------------------------------------------------------------------------
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/healthz",
      tags: ["health"],
      summary: "Is the API up and its database reachable?",
      responses: {
        200: json(
          z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }),
          "Up",
        ),
        503: json(
          z.object({ status: z.literal("unavailable"), database: z.enum(["pglite", "postgres"]) }),
          "Database unreachable",
        ),
      },
    }),
    async (c) => {
      try {
        await db.execute(sql`SELECT 1`);
        return c.json({ status: "ok" as const, database: deps.databaseKind }, 200);
      } catch {
        return c.json({ status: "unavailable" as const, database: deps.databaseKind }, 503);
      }
    },
  );

  // --- accounts ---------------------------------------------------------------------------
  /** Runs a better-auth endpoint, keeping its cookies and turning its errors into ours. */
  async function viaAuth(
    c: Context,
    call: () => Promise<Response>,
    errors: Record<
      number,
      { status: 401 | 409 | 400; code: string; message: string; field?: string }
    >,
  ): Promise<{ response: Response; body: unknown } | Response> {
    const response = await call();
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const known = errors[response.status];
      const message = (body as { message?: string } | null)?.message ?? "The request was refused.";
      if (known) return c.json(errorBody(known.code, known.message, known.field), known.status);
      return c.json(
        errorBody(response.status === 401 ? "unauthorized" : "invalid_input", message),
        response.status === 401 ? 401 : 400,
      );
    }
    return { response, body };
  }
  const withCookies = (from: Response, to: Response) => {
    for (const cookie of from.headers.getSetCookie()) to.headers.append("set-cookie", cookie);
    return to;
  };
  const userView = (user: { id: string; name: string; email?: string | null }) => ({
    id: user.id,
    name: user.name,
    email: user.email ?? null,
  });

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/sign-up/email",
      tags: ["accounts"],
      summary: "Create an account with e-mail and password; signs in (sets the session cookie)",
      request: { body: jsonBody(signUpSchema) },
      responses: {
        201: json(z.object({ user: userSchema }), "Signed up and in"),
        ...errorResponses(400, 409, 413, 429),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const result = await viaAuth(
        c,
        () => auth.api.signUpEmail({ body, headers: c.req.raw.headers, asResponse: true }),
        {
          422: {
            status: 409,
            code: "conflict",
            message: "An account with this e-mail exists; sign in instead.",
            field: "email",
          },
        },
      );
      if (result instanceof Response) return result as never;
      const { user } = result.body as { user: { id: string; name: string; email: string } };
      return withCookies(result.response, c.json({ user: userView(user) }, 201)) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/sign-in/email",
      tags: ["accounts"],
      summary: "Sign in with e-mail and password (sets the session cookie)",
      request: { body: jsonBody(signInSchema) },
      responses: {
        200: json(z.object({ user: userSchema }), "Signed in"),
        ...errorResponses(400, 401, 413, 429),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const result = await viaAuth(
        c,
        () => auth.api.signInEmail({ body, headers: c.req.raw.headers, asResponse: true }),
        { 401: { status: 401, code: "unauthorized", message: "Wrong e-mail or password." } },
      );
      if (result instanceof Response) return result as never;
      const { user } = result.body as { user: { id: string; name: string; email: string } };
      return withCookies(result.response, c.json({ user: userView(user) }, 200)) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/sign-out",
      tags: ["accounts"],
      summary: "End the session (clears the cookie)",
      responses: { 204: { description: "Signed out" }, ...errorResponses() },
    }),
    async (c) => {
      const token = sessionToken(c);
      if (token) sessions.delete(token);
      const response = await auth.api
        .signOut({ headers: c.req.raw.headers, asResponse: true })
        .catch(() => new Response(null));
      return withCookies(response, c.body(null, 204)) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/auth/session",
      tags: ["accounts"],
      summary: "Who is signed in",
      responses: {
        200: json(
          z.object({
            user: userSchema.extend({
              isAdmin: z.boolean().openapi({ description: "Sees the admin view" }),
            }),
          }),
          "Signed in",
        ),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const session = await auth.api.getSession({ headers: c.req.raw.headers });
      if (!session) return c.json(errorBody("unauthorized", "Not signed in."), 401);
      const user = userView(session.user);
      return c.json({ user: { ...user, isAdmin: isAdmin(deps.config, user) } }, 200);
    },
  );

  // GitHub and Google sign-in, callbacks and the rest of better-auth's own routes.
  app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(c.req.raw));

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/tokens",
      tags: ["accounts"],
      summary: "Create a personal API token (for the CLI); shown once",
      security,
      request: { body: jsonBody(tokenInputSchema) },
      responses: {
        201: json(
          z.object({ id: z.number().int(), name: z.string(), token: z.string() }),
          "The new token",
        ),
        ...errorResponses(400, 401, 413, 429),
      },
    }),
    async (c) => {
      const { name } = c.req.valid("json");
      return c.json(await createApiToken(db, c.get("userId"), name), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/tokens/{id}",
      tags: ["accounts"],
      summary: "Revoke one of your API tokens",
      security,
      request: { params: idParamSchema },
      responses: { 204: { description: "Revoked" }, ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      if (!(await deleteApiToken(db, c.get("userId"), id))) {
        return c.json(errorBody("not_found", `There is no token ${id}.`, "id"), 404);
      }
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
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
          z.object({
            jobs: z.number().int(),
            embedded: z.number().int(),
            model: z.string(),
          }),
          "Jobs and embeddings",
        ),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const model = (await deps.embedder()).modelId;
      return c.json({ ...(await embeddingProgress(db, model)), model }, 200);
    },
  );

  // --- jobs -------------------------------------------------------------------------------
  app.openapi(
    createRoute({
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
    }),
    async (c) => {
      const { limit, offset, remote, country, since } = c.req.valid("query");
      const { jobs, total } = await listJobs(db, {
        limit,
        offset,
        remote,
        country,
        since: since ? new Date(since) : undefined,
      });
      return c.json({ jobs: jobs.map((job) => toJobView(job)), total, limit, offset }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/jobs/{id}",
      tags: ["jobs"],
      summary: "One job in full, with every board that lists it",
      security,
      request: { params: idParamSchema },
      responses: { 200: json(jobSchema, "The job"), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const job = await getJob(db, id);
      if (!job) return c.json(errorBody("not_found", `There is no job ${id}.`, "id"), 404);
      return c.json(toJobView(job, { withDescription: true }), 200);
    },
  );

  app.openapi(
    createRoute({
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
        200: json(z.object({ jobs: z.array(jobSchema) }), "Matching jobs, best first"),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
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
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/rank",
      tags: ["jobs"],
      summary: "Your best matches first, each with its score, features and reasons",
      security,
      request: { query: z.object({ top: z.coerce.number().int().min(1).max(100).default(20) }) },
      responses: {
        200: json(
          z.object({
            jobs: z.array(rankedJobSchema),
            candidates: z.number().int(),
            model: z.string(),
          }),
          "Ranked jobs",
        ),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const { top } = c.req.valid("query");
      const userId = c.get("userId");
      const profile = await getProfile(db, userId);
      if (!profile) {
        return c.json(
          errorBody("invalid_input", "Upload a CV or set roles in your preferences first.", "cv"),
          400,
        );
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
    },
  );

  // --- profile ----------------------------------------------------------------------------
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/preferences",
      tags: ["profile"],
      summary: "Your preferences (defaults until you set them)",
      security,
      responses: { 200: json(preferencesSchema, "Preferences"), ...errorResponses(401) },
    }),
    async (c) => {
      const profile = await getProfile(db, c.get("userId"));
      return c.json(profile?.preferences ?? defaultPreferences, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/preferences",
      tags: ["profile"],
      summary: "Replace your preferences (keys left out take their defaults)",
      security,
      request: { body: jsonBody(preferencesInputSchema) },
      responses: {
        200: json(preferencesSchema, "Saved preferences"),
        ...errorResponses(400, 401, 413, 429),
      },
    }),
    async (c) => {
      const saved = await saveProfile(db, c.get("userId"), { preferences: c.req.valid("json") });
      return c.json(saved.preferences, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/cv",
      tags: ["profile"],
      summary: "Your CV as text, cut into sections (empty until uploaded)",
      security,
      responses: { 200: json(cvSchema, "The CV"), ...errorResponses(401) },
    }),
    async (c) => {
      const profile = await getProfile(db, c.get("userId"));
      const text = profile?.cvText ?? "";
      return c.json(
        {
          fileName: profile?.cvFileName ?? null,
          text,
          sections: cvSections(text),
          updatedAt: text ? (profile?.updatedAt.toISOString() ?? null) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/cv",
      tags: ["profile"],
      summary: "Upload your CV: a PDF, DOCX, TXT or MD file (multipart field `file`, 5 MB at most)",
      security,
      request: {
        body: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }),
            },
          },
        },
      },
      responses: { 200: json(cvSchema, "The CV as read"), ...errorResponses(400, 401, 413, 429) },
    }),
    async (c) => {
      const contentType = c.req.header("content-type") ?? "";
      if (!contentType.startsWith("multipart/form-data")) {
        throw new AppError(
          "invalid_input",
          "Send the CV as multipart/form-data with a `file` field.",
          { field: "file" },
        );
      }
      let file: unknown;
      try {
        file = (await c.req.parseBody()).file;
      } catch (cause) {
        throw new AppError("invalid_input", "The upload could not be read as a form.", {
          field: "file",
          cause,
        });
      }
      if (!(file instanceof File)) {
        throw new AppError("invalid_input", "Attach the CV file in the `file` field.", {
          field: "file",
        });
      }
      if (file.size > MAX_CV_BYTES) {
        throw new AppError("too_large", "The CV file is larger than 5 MB.", { field: "file" });
      }
      const extracted = await extractCvText({
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      const saved = await saveProfile(db, c.get("userId"), {
        cv: { text: extracted.text, fileName: file.name },
      });
      return c.json(
        {
          fileName: saved.cvFileName,
          text: saved.cvText,
          sections: cvSections(saved.cvText),
          updatedAt: saved.updatedAt.toISOString(),
        },
        200,
      );
    },
  );

  // --- batches, ratings, outcomes -----------------------------------------------------------
  const openBatchOptions = () => ({ config: deps.config.rank, cacheDir: deps.config.dataDir });

  app.openapi(
    createRoute({
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
    }),
    async (c) => {
      const { batch, created } = await openBatch(
        db,
        await deps.embedder(),
        c.get("userId"),
        openBatchOptions(),
      );
      return c.json(batch, created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
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
    }),
    async (c) =>
      c.json({ batches: await listBatches(db, c.get("userId"), c.req.valid("query").limit) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/batches/current",
      tags: ["batches"],
      summary: "Your open batch",
      security,
      responses: { 200: json(batchSchema, "The open batch"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const batch = await currentBatch(db, c.get("userId"));
      if (!batch)
        return c.json(
          errorBody("not_found", "No batch is open; POST /api/batches makes one."),
          404,
        );
      return c.json(batch, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/batches/{id}",
      tags: ["batches"],
      summary: "One of your batches",
      security,
      request: { params: idParamSchema },
      responses: { 200: json(batchSchema, "The batch"), ...errorResponses(400, 401, 404) },
    }),
    async (c) => c.json(await getBatch(db, c.get("userId"), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/batches/{id}/lock",
      tags: ["batches"],
      summary: "Lock a batch whose jobs are all rated; with next=true, open the next one",
      security,
      request: {
        params: idParamSchema,
        query: z.object({ next: z.enum(["true", "false"]).optional() }),
      },
      responses: {
        200: json(
          z.object({
            batch: batchSchema,
            next: batchSchema.nullable(),
            pendingApplications: z
              .object({ batchId: z.number().int(), liked: z.number().int() })
              .nullable()
              .openapi({
                description:
                  "Why next is null: this batch had liked jobs and no application is confirmed yet",
              }),
          }),
          "Locked (and the next batch)",
        ),
        ...errorResponses(400, 401, 404, 409, 429),
      },
    }),
    async (c) => {
      const userId = c.get("userId");
      const batch = await lockBatch(db, userId, c.req.valid("param").id);
      // The next batch waits while a liked job of this one has no confirmed application.
      const pending = await pendingApplications(db, userId);
      const next =
        c.req.valid("query").next === "true" && !pending
          ? (await openBatch(db, await deps.embedder(), userId, openBatchOptions())).batch
          : null;
      return c.json({ batch, next, pendingApplications: pending }, 200);
    },
  );

  app.openapi(
    createRoute({
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
    }),
    async (c) => c.json(await rateJob(db, c.get("userId"), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
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
    }),
    async (c) => {
      await deleteRating(db, c.get("userId"), c.req.valid("param").jobId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
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
    }),
    async (c) =>
      c.json({ ratings: await listRatings(db, c.get("userId"), c.req.valid("query")) }, 200),
  );

  app.openapi(
    createRoute({
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
    }),
    async (c) => c.json(await recordOutcome(db, c.get("userId"), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
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
    }),
    async (c) =>
      c.json({ outcomes: await listOutcomes(db, c.get("userId"), c.req.valid("query")) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/metrics",
      tags: ["metrics"],
      summary: "Your ratings, batches and outcomes in figures, per week",
      security,
      responses: { 200: json(metricsSchema, "Metrics"), ...errorResponses(401) },
    }),
    async (c) => c.json(await userMetrics(db, c.get("userId")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/skills",
      tags: ["metrics"],
      summary: "The skills your liked jobs ask for that your CV lacks: the top 5 to learn next",
      security,
      responses: { 200: json(skillGapSchema, "The skill gap and plan"), ...errorResponses(401) },
    }),
    async (c) => {
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
    },
  );

  registerAdminRoutes(app, deps);
  registerApplicationRoutes(app, deps);

  // --- documentation ------------------------------------------------------------------------
  const documentConfig = {
    openapi: "3.0.3",
    info: {
      title: "AURA API",
      version: "0.1.0",
      description:
        "Jobs ranked for you, batches to rate, ratings and outcomes. Errors are {error:{code,message,field?}}.",
    },
  };
  app.doc("/api/openapi.json", documentConfig);
  app.get("/api/docs", (c) => c.html(referencePage(app.getOpenAPIDocument(documentConfig))));

  return app;
}
export type AuraApi = ReturnType<typeof createApi>;

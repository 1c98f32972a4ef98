import {
  type AgentTasks,
  AppError,
  type AuraConfig,
  adminOverviewSchema,
  applicationSchema,
  batchSchema,
  cvViewSchema,
  type Database,
  type Embedder,
  jobViewSchema,
  type Logger,
  type Mailer,
  outcomeSchema,
  preferencesViewSchema,
  rankedJobViewSchema,
  ratingSchema,
  silentLogger,
  skillGapSchema,
  userMetricsSchema,
  userViewSchema,
  whySchema,
} from "@aura/core";
import { secureHeaders } from "hono/secure-headers";
import { type Auth, accountMailRoutes } from "./auth.ts";
import { errorResponse } from "./errors.ts";
import { bodySize } from "./middleware/body-size.ts";
import { corsFor } from "./middleware/cors.ts";
import { createRateLimits } from "./middleware/rate-limits.ts";
import { requestLog } from "./middleware/request-log.ts";
import { createSessions } from "./middleware/session.ts";
import { createRouter, withNullableRefs } from "./openapi.ts";
import type { RateLimit } from "./rate-limit.ts";
import { referencePage } from "./reference-page.ts";
import { accountRoutes } from "./routes/accounts.ts";
import { adminRoutes } from "./routes/admin.ts";
import { applicationRoutes } from "./routes/applications.ts";
import { batchRoutes } from "./routes/batches.ts";
import { healthRoutes } from "./routes/health.ts";
import { insightRoutes } from "./routes/insights.ts";
import { jobRoutes } from "./routes/jobs.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { outcomeRoutes } from "./routes/outcomes.ts";
import { profileRoutes } from "./routes/profile.ts";
import { ratingRoutes } from "./routes/ratings.ts";

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
  /** Access lines and errors (JSON); nothing is logged without one. */
  log?: Logger;
  /** The server's secret (the auth secret): it also signs unsubscribe links. */
  secret: string;
  /** The mail sender; null: this server has no SMTP_URL; absent: the server does not say. */
  mailer?: Mailer | null;
  /**
   * Webhooks to loopback and private addresses may be saved and tested (notify.webhook.
   * allowPrivate: a one-person install posting to its own machine; tests).
   */
  allowPrivateWebhooks?: boolean;
  /** The agent's tasks (asking for a batch now, training after a lock, the admin view); none: nothing is queued. */
  tasks?: AgentTasks;
}

const documentConfig = {
  openapi: "3.0.3",
  info: {
    title: "AURA API",
    version: "0.1.0",
    description:
      "Jobs ranked for you, batches to rate, ratings and outcomes. Errors are {error:{code,message,field?,requestId?}}.",
  },
};

/**
 * The AURA HTTP API under /api: one router per resource (routes/), declared with zod from
 * core's schemas, an OpenAPI document at /api/openapi.json and a reference page at /api/docs.
 * Every route but health, docs and sign-in needs a user (a session cookie or a personal API
 * token) and sees only their data.
 */
export function createApi(deps: ApiDeps) {
  const sessions = createSessions(deps);
  const limits = createRateLimits(deps.limits);

  const app = createRouter();
  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) =>
    errorResponse(c, new AppError("not_found", `There is no ${c.req.method} ${c.req.path}.`)),
  );

  app.use("*", requestLog(deps.log ?? silentLogger));
  app.use("*", secureHeaders());
  app.use("/api/*", corsFor(deps.allowedOrigins));
  app.use("/api/*", bodySize);
  app.use("/api/auth/sign-in/*", limits.signIn);
  app.use("/api/auth/sign-up/*", limits.signUp);
  app.use("/api/auth/request-password-reset", limits.signIn);
  app.use("/api/*", sessions.requireUser);
  app.use("/api/*", limits.writes);

  // Core's shapes, registered before any route uses them, so that a route's `X.nullable()`
  // becomes a nullable reference to X rather than a nullable X everywhere.
  const components = {
    Job: jobViewSchema,
    Why: whySchema,
    RankedJob: rankedJobViewSchema,
    Rating: ratingSchema,
    Batch: batchSchema,
    Outcome: outcomeSchema,
    Application: applicationSchema,
    Preferences: preferencesViewSchema,
    Cv: cvViewSchema,
    Metrics: userMetricsSchema,
    SkillGap: skillGapSchema,
    AdminOverview: adminOverviewSchema,
    User: userViewSchema,
  };
  for (const [name, schema] of Object.entries(components)) {
    app.openAPIRegistry.register(name, schema);
  }
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

  const api = app
    .route("/", healthRoutes(deps))
    // Before accountRoutes, whose last route hands the rest of /api/auth/* to better-auth.
    .route("/", accountMailRoutes(deps.auth))
    .route("/", accountRoutes(deps, sessions))
    .route("/", jobRoutes(deps))
    .route("/", insightRoutes(deps))
    .route("/", profileRoutes(deps))
    .route("/", batchRoutes(deps))
    .route("/", ratingRoutes(deps))
    .route("/", outcomeRoutes(deps))
    .route("/", applicationRoutes(deps))
    .route("/", notificationRoutes(deps))
    .route("/", adminRoutes(deps));

  let document: ReturnType<typeof api.getOpenAPIDocument> | undefined;
  const openApiDocument = () => {
    document ??= withNullableRefs(api.getOpenAPIDocument(documentConfig));
    return document;
  };
  api.get("/api/openapi.json", (c) => c.json(openApiDocument()));
  api.get("/api/docs", (c) => c.html(referencePage(openApiDocument())));
  return api;
}
export type AuraApi = ReturnType<typeof createApi>;

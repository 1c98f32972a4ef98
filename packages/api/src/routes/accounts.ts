// Accounts: sign-up, sign-in and out (better-auth underneath), who is signed in, API tokens.
import {
  AppError,
  apiTokenInputSchema,
  apiTokenSchema,
  createApiToken,
  deleteApiToken,
  isAdmin,
  signInSchema,
  signUpSchema,
  userViewSchema,
} from "@aura/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { ApiDeps } from "../app.ts";
import type { Sessions } from "../middleware/session.ts";
import {
  createRouter,
  errorResponses,
  idParamSchema,
  json,
  jsonBody,
  security,
} from "../openapi.ts";

const signUp = createRoute({
  method: "post",
  path: "/api/auth/sign-up/email",
  tags: ["accounts"],
  summary: "Create an account with e-mail and password; signs in (sets the session cookie)",
  request: { body: jsonBody(signUpSchema) },
  responses: {
    201: json(z.object({ user: userViewSchema }), "Signed up and in"),
    ...errorResponses(400, 409, 413, 429),
  },
});

const signIn = createRoute({
  method: "post",
  path: "/api/auth/sign-in/email",
  tags: ["accounts"],
  summary: "Sign in with e-mail and password (sets the session cookie)",
  request: { body: jsonBody(signInSchema) },
  responses: {
    200: json(z.object({ user: userViewSchema }), "Signed in"),
    ...errorResponses(400, 401, 413, 429),
  },
});

const signOut = createRoute({
  method: "post",
  path: "/api/auth/sign-out",
  tags: ["accounts"],
  summary: "End the session (clears the cookie)",
  responses: { 204: { description: "Signed out" }, ...errorResponses() },
});

const session = createRoute({
  method: "get",
  path: "/api/auth/session",
  tags: ["accounts"],
  summary: "Who is signed in",
  responses: {
    200: json(
      z.object({
        user: userViewSchema.extend({
          isAdmin: z.boolean().openapi({ description: "Sees the admin view" }),
        }),
      }),
      "Signed in",
    ),
    ...errorResponses(401),
  },
});

const createToken = createRoute({
  method: "post",
  path: "/api/tokens",
  tags: ["accounts"],
  summary: "Create a personal API token (for the CLI); shown once",
  security,
  request: { body: jsonBody(apiTokenInputSchema) },
  responses: {
    201: json(apiTokenSchema, "The new token"),
    ...errorResponses(400, 401, 413, 429),
  },
});

const revokeToken = createRoute({
  method: "delete",
  path: "/api/tokens/{id}",
  tags: ["accounts"],
  summary: "Revoke one of your API tokens",
  security,
  request: { params: idParamSchema },
  responses: { 204: { description: "Revoked" }, ...errorResponses(400, 401, 404, 429) },
});

type AuthUser = { id: string; name: string; email?: string | null };
const userView = (user: AuthUser) => ({ id: user.id, name: user.name, email: user.email ?? null });

/**
 * Runs a better-auth endpoint: its JSON body and cookies when it succeeds; its refusals as
 * AppErrors (`refusals` maps its statuses to ours).
 */
async function viaAuth(
  call: () => Promise<Response>,
  refusals: Record<number, AppError>,
): Promise<{ response: Response; user: AuthUser }> {
  const response = await call();
  const body = (await response.json().catch(() => null)) as {
    user?: AuthUser;
    message?: string;
  } | null;
  if (!response.ok || !body?.user) {
    const known = refusals[response.status];
    if (known) throw known;
    const message = body?.message ?? "The request was refused.";
    throw new AppError(response.status === 401 ? "unauthorized" : "invalid_input", message);
  }
  return { response, user: body.user };
}

const withCookies = (from: Response, to: Response) => {
  for (const cookie of from.headers.getSetCookie()) to.headers.append("set-cookie", cookie);
  return to;
};

export function accountRoutes(deps: ApiDeps, sessions: Sessions) {
  const { db, auth } = deps;
  return (
    createRouter()
      .openapi(signUp, async (c) => {
        const body = c.req.valid("json");
        const { response, user } = await viaAuth(
          () => auth.api.signUpEmail({ body, headers: c.req.raw.headers, asResponse: true }),
          {
            422: new AppError("conflict", "An account with this e-mail exists; sign in instead.", {
              field: "email",
            }),
          },
        );
        c.set("userId", user.id);
        return withCookies(response, c.json({ user: userView(user) }, 201)) as never;
      })
      .openapi(signIn, async (c) => {
        const body = c.req.valid("json");
        const { response, user } = await viaAuth(
          () => auth.api.signInEmail({ body, headers: c.req.raw.headers, asResponse: true }),
          { 401: new AppError("unauthorized", "Wrong e-mail or password.") },
        );
        c.set("userId", user.id);
        return withCookies(response, c.json({ user: userView(user) }, 200)) as never;
      })
      .openapi(signOut, async (c) => {
        sessions.forget(c);
        const response = await auth.api
          .signOut({ headers: c.req.raw.headers, asResponse: true })
          .catch(() => new Response(null));
        return withCookies(response, c.body(null, 204)) as never;
      })
      .openapi(session, async (c) => {
        const current = await auth.api.getSession({ headers: c.req.raw.headers });
        if (!current) throw new AppError("unauthorized", "Not signed in.");
        const user = userView(current.user);
        c.set("userId", user.id);
        return c.json({ user: { ...user, isAdmin: isAdmin(deps.config, user) } }, 200);
      })
      .openapi(createToken, async (c) => {
        const { name } = c.req.valid("json");
        return c.json(await createApiToken(db, c.get("userId"), name), 201);
      })
      .openapi(revokeToken, async (c) => {
        const { id } = c.req.valid("param");
        if (!(await deleteApiToken(db, c.get("userId"), id))) {
          throw new AppError("not_found", `There is no token ${id}.`, { field: "id" });
        }
        return c.body(null, 204);
      })
      // GitHub and Google sign-in, callbacks and the rest of better-auth's own routes.
      .on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(c.req.raw))
  );
}

import {
  AppError,
  accountMailRequestSchema,
  type Database,
  errorMessage,
  type Logger,
  type MailContent,
  type Mailer,
  type MailLanguage,
  mailLanguage,
  mailNotConfigured,
  passwordResetMessage,
  passwordResetSchema,
  schema,
  signInLinkMessage,
  signInLinkSchema,
  silentLogger,
  userViewSchema,
} from "@aura/core";
import { createRoute, z } from "@hono/zod-openapi";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { magicLink } from "better-auth/plugins";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { createRouter, errorResponses, json, jsonBody } from "./openapi.ts";
import { createRateLimiter } from "./rate-limit.ts";

export interface AuthOptions {
  /** Signs session cookies; keep it stable across restarts. */
  secret: string;
  /** Where the API is reached (origin), for cookies and OAuth callbacks. */
  baseUrl: string;
  /** Origins allowed to send credentialed requests (the web app). */
  trustedOrigins: string[];
  github?: { clientId: string; clientSecret: string };
  google?: { clientId: string; clientSecret: string };
  /**
   * Sends sign-in links and password resets, whose links open the web app's pages on
   * `baseUrl` (`aura start` serves it there). None: those requests answer 409, mail not set up.
   */
  mailer?: Mailer | null;
  /** Mail that could not be sent (by kind and user id only). */
  log?: Logger;
}

/** How long an e-mailed sign-in link works (once). */
export const SIGN_IN_LINK_MINUTES = 15;
/** How long an e-mailed password reset link works (once). */
export const PASSWORD_RESET_MINUTES = 60;
/** The most account e-mails one address gets: nobody can fill a mailbox through AURA. */
const MAILS_PER_ADDRESS = { max: 5, windowMs: 15 * 60_000 };

/**
 * Accounts with better-auth on AURA's own tables: e-mail and password (scrypt, no network),
 * GitHub and Google when their keys are set, sessions in the database (the API keeps the ones
 * it checked lately in memory, see app.ts). With a mailer, sign-in links (better-auth's magic
 * link) and password resets; their tokens are stored hashed, work once and expire.
 */
export function createAuth(db: Database, options: AuthOptions) {
  const mailer = options.mailer ?? null;
  const log = options.log ?? silentLogger;
  const base = options.baseUrl.replace(/\/+$/, "");
  const perAddress = createRateLimiter(MAILS_PER_ADDRESS);
  const page = (language: MailLanguage, path: string, token: string) =>
    `${base}/${language}/${path}?token=${encodeURIComponent(token)}`;

  /**
   * Sends in the background, so that the answer (and its timing) is the same for an address
   * with an account and one without; a failure is logged. The language is the one the person
   * chose for AURA's e-mails, else the one of the page that asked.
   */
  const deliver = (
    kind: "magic-link" | "password-reset",
    user: { id: string; email: string },
    asked: string | undefined,
    build: (language: MailLanguage) => MailContent,
  ) => {
    if (!mailer) return;
    if (perAddress.hit(user.email.toLowerCase()) > 0) {
      log.warn({ event: "account-mail", kind, userId: user.id }, "too many e-mails to one address");
      return;
    }
    void (async () => {
      const [chosen] = await db
        .select({ language: schema.notificationSettings.language })
        .from(schema.notificationSettings)
        .where(eq(schema.notificationSettings.userId, user.id));
      const content = build(chosen?.language ?? mailLanguage(asked));
      await mailer.send({ to: user.email, ...content, kind });
    })().catch((error: unknown) => {
      log.warn(
        { event: "account-mail", kind, userId: user.id, err: errorMessage(error) },
        "e-mail not sent",
      );
    });
  };

  const auth = betterAuth({
    basePath: "/api/auth",
    baseURL: options.baseUrl,
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
      },
    }),
    // A reset token is looked up by its hash: the table alone lets nobody reset a password.
    verification: {
      storeIdentifier: { default: "plain", overrides: { "reset-password:": "hashed" } },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: PASSWORD_RESET_MINUTES * 60,
      // A new password ends every session, a stranger's included.
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url, token }) => {
        // accountMailRoutes asks with redirectTo = /<language>/reset-password.
        const redirectTo = new URL(url).searchParams.get("callbackURL") ?? "";
        deliver("password-reset", user, redirectTo.split("/")[1], (language) =>
          passwordResetMessage({
            language,
            personName: user.name,
            url: page(language, "reset-password", token),
            minutes: PASSWORD_RESET_MINUTES,
          }),
        );
      },
    },
    socialProviders: {
      ...(options.github ? { github: options.github } : {}),
      ...(options.google ? { google: options.google } : {}),
    },
    plugins: [
      magicLink({
        expiresIn: SIGN_IN_LINK_MINUTES * 60,
        // A link signs in an account; it never makes one (sign-up asks for a name).
        disableSignUp: true,
        storeToken: "hashed",
        sendMagicLink: async ({ email, token, metadata }, ctx) => {
          // Only an address with an account gets a link; the answer is the same for any other.
          const found = await ctx?.context.internalAdapter.findUserByEmail(email);
          if (!found?.user) return;
          const { user } = found;
          const asked = typeof metadata?.language === "string" ? metadata.language : undefined;
          deliver("magic-link", user, asked, (language) =>
            signInLinkMessage({
              language,
              personName: user.name,
              url: page(language, "sign-in/link", token),
              minutes: SIGN_IN_LINK_MINUTES,
            }),
          );
        },
      }),
    ],
    // AURA limits sign-in itself (rate-limit.ts), the same way for every route.
    rateLimit: { enabled: false },
  });
  return Object.assign(auth, {
    /** False without a mailer: sign-in links and password resets answer mailNotConfigured(). */
    sendsMail: mailer !== null,
  });
}
export type Auth = ReturnType<typeof createAuth>;

// The e-mailed links' routes, at better-auth's own paths, declared here so that the OpenAPI
// document (and the web app's types) know them and their errors have the API's shape. The
// links open the web app's pages; there a press of a button uses the token, so a mail
// scanner that opens every link spends none.

const okSchema = z.object({ status: z.literal(true) });

const requestSignInLink = createRoute({
  method: "post",
  path: "/api/auth/sign-in/magic-link",
  tags: ["accounts"],
  summary: `E-mail a sign-in link (it works once, for ${SIGN_IN_LINK_MINUTES} minutes)`,
  description:
    "The same answer whether or not the address has an account: only an account's address gets a link. 409 when the server has no mail.",
  request: { body: jsonBody(accountMailRequestSchema) },
  responses: {
    200: json(okSchema, "If the address has an account, a link is on its way"),
    ...errorResponses(400, 409, 413, 429),
  },
});

const useSignInLink = createRoute({
  method: "post",
  path: "/api/auth/magic-link/verify",
  tags: ["accounts"],
  summary: "Sign in with the token of an e-mailed link (sets the session cookie); once",
  request: { body: jsonBody(signInLinkSchema) },
  responses: {
    200: json(z.object({ user: userViewSchema }), "Signed in"),
    ...errorResponses(400, 413),
  },
});

const requestPasswordReset = createRoute({
  method: "post",
  path: "/api/auth/request-password-reset",
  tags: ["accounts"],
  summary: `E-mail a link to choose a new password (it works once, for ${PASSWORD_RESET_MINUTES} minutes)`,
  description:
    "The same answer whether or not the address has an account. 409 when the server has no mail.",
  request: { body: jsonBody(accountMailRequestSchema) },
  responses: {
    200: json(okSchema, "If the address has an account, a link is on its way"),
    ...errorResponses(400, 409, 413, 429),
  },
});

const resetPassword = createRoute({
  method: "post",
  path: "/api/auth/reset-password",
  tags: ["accounts"],
  summary: "Choose a new password with the token of an e-mailed link; ends every session",
  request: { body: jsonBody(passwordResetSchema) },
  responses: {
    200: json(okSchema, "The new password is set; sign in with it"),
    ...errorResponses(400, 413),
  },
});

type AuthUser = { id: string; name: string; email?: string | null };

const invalidLink = () =>
  new AppError(
    "invalid_input",
    "This link does not work: it was used already, it expired, or it was cut short. Ask for a new one.",
    { field: "token" },
  );

/** The language of a request without one: its Accept-Language's first. */
const askedLanguage = (c: Context) =>
  mailLanguage(c.req.header("accept-language")?.split(",")[0]?.split(";")[0]);

/** better-auth's refusal (a non-2xx answer) as an AppError. */
async function refused(response: Response): Promise<AppError> {
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  return new AppError("invalid_input", body?.message ?? "The request was refused.");
}

export function accountMailRoutes(auth: Auth) {
  const mailOn = () => {
    if (!auth.sendsMail) throw mailNotConfigured();
  };
  const routes = createRouter()
    .openapi(requestSignInLink, async (c) => {
      mailOn();
      const { email, language } = c.req.valid("json");
      const response = await auth.api.signInMagicLink({
        body: { email, metadata: { language: language ?? askedLanguage(c) } },
        headers: c.req.raw.headers,
        asResponse: true,
      });
      if (!response.ok) throw await refused(response);
      return c.json({ status: true as const }, 200);
    })
    .openapi(useSignInLink, async (c) => {
      const { token } = c.req.valid("json");
      const response = await auth.api.magicLinkVerify({
        query: { token },
        headers: c.req.raw.headers,
        asResponse: true,
      });
      // A token that is unknown, spent or expired is a redirect with ?error=INVALID_TOKEN.
      if (response.status !== 200) throw invalidLink();
      const { user } = (await response.json()) as { user: AuthUser };
      c.set("userId", user.id);
      const answer = c.json(
        { user: { id: user.id, name: user.name, email: user.email ?? null } },
        200,
      );
      for (const cookie of response.headers.getSetCookie()) {
        answer.headers.append("set-cookie", cookie);
      }
      return answer as never;
    })
    .openapi(requestPasswordReset, async (c) => {
      mailOn();
      const { email, language } = c.req.valid("json");
      const response = await auth.api.requestPasswordReset({
        body: { email, redirectTo: `/${language ?? askedLanguage(c)}/reset-password` },
        headers: c.req.raw.headers,
        asResponse: true,
      });
      if (!response.ok) throw await refused(response);
      return c.json({ status: true as const }, 200);
    })
    .openapi(resetPassword, async (c) => {
      const body = c.req.valid("json");
      const response = await auth.api.resetPassword({
        body,
        headers: c.req.raw.headers,
        asResponse: true,
      });
      if (!response.ok) {
        const refusal = (await response.json().catch(() => null)) as {
          code?: string;
          message?: string;
        } | null;
        if (refusal?.code === "INVALID_TOKEN" || refusal?.code === "USER_NOT_FOUND") {
          throw invalidLink();
        }
        throw new AppError("invalid_input", refusal?.message ?? "The request was refused.");
      }
      return c.json({ status: true as const }, 200);
    });
  // better-auth's own form of the link: to the page, where a press of a button signs in.
  routes.get("/api/auth/magic-link/verify", (c) => {
    const token = c.req.query("token");
    const language = askedLanguage(c);
    return c.redirect(
      token
        ? `/${language}/sign-in/link?token=${encodeURIComponent(token)}`
        : `/${language}/sign-in`,
    );
  });
  return routes;
}

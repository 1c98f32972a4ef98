// Sign-in links and password resets over real HTTP, through a real SMTP server: what arrives,
// that each link signs in (or sets the password) once and expires, that the answer never tells
// whether an address has an account, and the 409 and 429 around them. PGlite, and (in CI) the
// PostgreSQL server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  configSchema,
  createMailer,
  type DatabaseHandle,
  type Mailer,
  saveNotificationSettings,
  schema,
} from "@aura/core";
import {
  createTestDatabase,
  type ReceivedMail,
  startTestSmtpServer,
  type TestSmtpServer,
} from "@aura/core/testing";
import { like } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PASSWORD_RESET_MINUTES, SIGN_IN_LINK_MINUTES } from "./auth.ts";
import { startServer } from "./serve.ts";

const BASE = "http://aura.test";
type Server = { url: string; close: () => Promise<void> };

let handle: DatabaseHandle;
let dataDir: string;
let smtp: TestSmtpServer;
let mailer: Mailer;
/** With mail. */
let server: Server;
/** Without mail (no SMTP_URL). */
let mailless: Server;
/** Without mail, 3 sign-in attempts a minute. */
let strict: Server;

beforeAll(async () => {
  handle = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "aura-account-mail-"));
  smtp = await startTestSmtpServer();
  mailer = createMailer({ smtpUrl: smtp.url, from: "AURA <aura@example.org>" });
  const common = {
    db: handle.db,
    databaseKind: handle.kind,
    config: configSchema.parse({ dataDir }),
    env: { AURA_AUTH_SECRET: "account-mail-test-secret-0123456789abcdef", AURA_BASE_URL: BASE },
    embedder: () => Promise.reject(new Error("not needed")),
    port: 0,
  };
  const roomy = { signIn: { max: 1000, windowMs: 60_000 } };
  [server, mailless, strict] = await Promise.all([
    startServer({ ...common, mailer, limits: roomy }),
    startServer({ ...common, limits: roomy }),
    startServer({ ...common, limits: { signIn: { max: 3, windowMs: 60_000 } } }),
  ]);
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await Promise.all([server?.close(), mailless?.close(), strict?.close()]);
  mailer?.close();
  await smtp?.close();
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function call(
  on: Server,
  method: string,
  path: string,
  options: { cookie?: string; json?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${on.url}/api${path}`, {
    method,
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
    redirect: "manual",
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  // biome-ignore lint/suspicious/noExplicitAny: test replies
  return { status: response.status, body: body as any, headers: response.headers, cookie };
}

async function signUp(name: string, email: string, password: string) {
  const up = await call(server, "POST", "/auth/sign-up/email", {
    json: { name, email, password },
  });
  expect(up.status).toBe(201);
  return up;
}

const signIn = (email: string, password: string) =>
  call(server, "POST", "/auth/sign-in/email", { json: { email, password } });

/** The mails that reached `address` so far. */
const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));

/** Waits for the `count`-th mail to `address`. */
async function mailNumber(address: string, count: number): Promise<ReceivedMail> {
  const until = Date.now() + 5_000;
  while (mailsTo(address).length < count) {
    if (Date.now() > until) throw new Error(`mail ${count} never reached ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return mailsTo(address)[count - 1] as ReceivedMail;
}

/** The link in the text part, and its token. */
function linkIn(mail: ReceivedMail): { link: URL; token: string } {
  const found = mail.parsed.text?.match(/http:\/\/aura\.test\/\S+/)?.[0];
  if (!found) throw new Error("no link in the mail");
  const link = new URL(found);
  return { link, token: link.searchParams.get("token") ?? "" };
}

/** Moves this process's clock (better-auth's included) on by `minutes`. */
function later(minutes: number) {
  const now = Date.now();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now + minutes * 60_000);
}

describe("a sign-in link", () => {
  it("arrives in the person's language, signs them in once, and answers the same for a stranger", async () => {
    await signUp("Ana", "ana@example.org", "ana's first password");

    const stranger = await call(server, "POST", "/auth/sign-in/magic-link", {
      json: { email: "nobody@example.org", language: "es" },
    });
    const asked = await call(server, "POST", "/auth/sign-in/magic-link", {
      json: { email: "ANA@example.org", language: "es" },
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ status: true });
    expect(stranger.status).toBe(asked.status);
    expect(stranger.body).toEqual(asked.body);

    const mail = await smtp.waitFor("ana@example.org");
    expect(mail.parsed.subject).toBe("Tu enlace para iniciar sesión en AURA");
    expect(mail.parsed.from?.text).toBe('"AURA" <aura@example.org>');
    expect(mail.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.parsed.text).toMatch(
      /^Hola, Ana:\n\nAbre este enlace para iniciar sesión en AURA:/,
    );
    expect(mail.parsed.text).toContain(
      `El enlace sirve una sola vez y caduca en ${SIGN_IN_LINK_MINUTES} minutos.`,
    );
    const { link, token } = linkIn(mail);
    // The web app's page on the base URL; a press of its button uses the token.
    expect(`${link.origin}${link.pathname}`).toBe(`${BASE}/es/sign-in/link`);
    expect(token).toMatch(/^[A-Za-z]{32}$/);
    expect(mail.parsed.html).toContain(`href="${link.href.replaceAll("&", "&amp;")}"`);
    // The token is stored hashed: the table alone signs nobody in.
    const rows = await handle.db
      .select({ identifier: schema.verifications.identifier })
      .from(schema.verifications)
      .where(like(schema.verifications.identifier, "magic-link:%"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.identifier.includes(token))).toBe(false);

    // better-auth's own form of the link only leads to the page.
    const old = await call(server, "GET", `/auth/magic-link/verify?token=${token}`, {
      headers: { "accept-language": "pt-BR,pt;q=0.9" },
    });
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe(`/pt/sign-in/link?token=${token}`);
    expect(old.cookie).toBe("");

    const used = await call(server, "POST", "/auth/magic-link/verify", { json: { token } });
    expect(used.status).toBe(200);
    expect(used.body.user).toMatchObject({ name: "Ana", email: "ana@example.org" });
    const me = await call(server, "GET", "/auth/session", { cookie: used.cookie });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe("ana@example.org");
    expect((await call(server, "GET", "/preferences", { cookie: used.cookie })).status).toBe(200);

    const again = await call(server, "POST", "/auth/magic-link/verify", { json: { token } });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: "invalid_input", field: "token" });
    expect(again.body.error.message).toContain("Ask for a new one");
    expect(again.cookie).toBe("");

    // Nothing went to the address without an account.
    expect(mailsTo("nobody@example.org")).toEqual([]);
    // better-auth's guard against an account made with someone else's address: the first
    // proof of the mailbox ends a password set before it (a reset sets a new one).
    expect((await signIn("ana@example.org", "ana's first password")).status).toBe(401);
  });

  it(`no longer works after ${SIGN_IN_LINK_MINUTES} minutes`, async () => {
    await signUp("Bo", "bo@example.org", "bo's password 1");
    await call(server, "POST", "/auth/sign-in/magic-link", { json: { email: "bo@example.org" } });
    const { token, link } = linkIn(await smtp.waitFor("bo@example.org"));
    expect(link.pathname).toBe("/en/sign-in/link");
    later(SIGN_IN_LINK_MINUTES + 1);
    const late = await call(server, "POST", "/auth/magic-link/verify", { json: { token } });
    expect(late.status).toBe(400);
    expect(late.body.error.field).toBe("token");
    expect(late.cookie).toBe("");
  });

  it("is written in the language the person chose for e-mails, and one address gets at most 5 in a while", async () => {
    const up = await signUp("Caio", "caio@example.org", "caio's password");
    await saveNotificationSettings(handle.db, up.body.user.id, { language: "pt" });
    for (let i = 0; i < 6; i++) {
      const asked = await call(server, "POST", "/auth/sign-in/magic-link", {
        json: { email: "caio@example.org", language: "en" },
      });
      expect(asked.body).toEqual({ status: true });
    }
    const fifth = await mailNumber("caio@example.org", 5);
    expect(fifth.parsed.subject).toBe("Seu link para entrar na AURA");
    expect(linkIn(fifth).link.pathname).toBe("/pt/sign-in/link");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo("caio@example.org")).toHaveLength(5);
  });
});

describe("a password reset", () => {
  it("arrives, sets a new password once, ends the sessions, and answers the same for a stranger", async () => {
    const up = await signUp("Dora", "dora@example.org", "dora's old password");
    const stranger = await call(server, "POST", "/auth/request-password-reset", {
      json: { email: "stranger@example.org", language: "pt" },
    });
    const asked = await call(server, "POST", "/auth/request-password-reset", {
      json: { email: "dora@example.org", language: "pt" },
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ status: true });
    expect(stranger.status).toBe(asked.status);
    expect(stranger.body).toEqual(asked.body);

    const mail = await smtp.waitFor("dora@example.org");
    expect(mail.parsed.subject).toBe("Redefina sua senha da AURA");
    expect(mail.parsed.text).toContain("Abra este link para escolher uma nova senha:");
    expect(mail.parsed.text).toContain("O link funciona uma única vez e expira em 1 hora.");
    const { link, token } = linkIn(mail);
    expect(`${link.origin}${link.pathname}`).toBe(`${BASE}/pt/reset-password`);
    const rows = await handle.db
      .select({ identifier: schema.verifications.identifier })
      .from(schema.verifications)
      .where(like(schema.verifications.identifier, "reset-password:%"));
    expect(rows.some((row) => row.identifier.includes(token))).toBe(false);

    const short = await call(server, "POST", "/auth/reset-password", {
      json: { token, newPassword: "short" },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe("newPassword");

    const reset = await call(server, "POST", "/auth/reset-password", {
      json: { token, newPassword: "dora's new password" },
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ status: true });
    expect((await signIn("dora@example.org", "dora's old password")).status).toBe(401);
    expect((await signIn("dora@example.org", "dora's new password")).status).toBe(200);
    // The session from before the reset is over.
    expect((await call(server, "GET", "/auth/session", { cookie: up.cookie })).status).toBe(401);

    const again = await call(server, "POST", "/auth/reset-password", {
      json: { token, newPassword: "a third password" },
    });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: "invalid_input", field: "token" });
    expect((await signIn("dora@example.org", "a third password")).status).toBe(401);
    expect(mailsTo("stranger@example.org")).toEqual([]);
  });

  it(`no longer works after ${PASSWORD_RESET_MINUTES} minutes`, async () => {
    await signUp("Eli", "eli@example.org", "eli's old password");
    await call(server, "POST", "/auth/request-password-reset", {
      json: { email: "eli@example.org" },
      headers: { "accept-language": "es-ES,es;q=0.9" },
    });
    const mail = await smtp.waitFor("eli@example.org");
    expect(mail.parsed.subject).toBe("Restablece tu contraseña de AURA");
    const { token } = linkIn(mail);
    later(PASSWORD_RESET_MINUTES + 1);
    const late = await call(server, "POST", "/auth/reset-password", {
      json: { token, newPassword: "eli's new password" },
    });
    expect(late.status).toBe(400);
    expect(late.body.error.field).toBe("token");
    vi.useRealTimers();
    expect((await signIn("eli@example.org", "eli's old password")).status).toBe(200);
  });
});

describe("without mail", () => {
  it("asking for a link answers 409, naming mail; a reset with a token is still judged", async () => {
    for (const path of ["/auth/sign-in/magic-link", "/auth/request-password-reset"]) {
      const reply = await call(mailless, "POST", path, { json: { email: "ana@example.org" } });
      expect(reply.status, path).toBe(409);
      expect(reply.body.error.code).toBe("conflict");
      expect(reply.body.error.field).toBe("SMTP_URL");
      expect(reply.body.error.message).toMatch(/E-mail is not set up/);
    }
    const bad = await call(mailless, "POST", "/auth/sign-in/magic-link", {
      json: { email: "not an address" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("email");
    const reset = await call(mailless, "POST", "/auth/reset-password", {
      json: { token: "made-up", newPassword: "long enough" },
    });
    expect(reset.status).toBe(400);
    expect(reset.body.error.field).toBe("token");
  });
});

describe("rate limits", () => {
  it("count links and resets with sign-in attempts, per client address", async () => {
    const ask = (path: string) =>
      call(strict, "POST", path, { json: { email: "ana@example.org" } });
    expect((await ask("/auth/request-password-reset")).status).toBe(409);
    expect((await ask("/auth/request-password-reset")).status).toBe(409);
    expect((await ask("/auth/sign-in/magic-link")).status).toBe(409);
    for (const path of ["/auth/sign-in/magic-link", "/auth/request-password-reset"]) {
      const limited = await ask(path);
      expect(limited.status, path).toBe(429);
      expect(limited.body.error.code).toBe("rate_limited");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });
});

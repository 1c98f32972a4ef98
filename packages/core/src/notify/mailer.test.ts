// The mailer against a real SMTP server (smtp-server on 127.0.0.1) that receives every message;
// each is parsed with mailparser, as a mailbox would read it. With AURA_MAIL_SAMPLES=<file>,
// one received message per language (its headers and text part) is written to that file.
import { appendFileSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { Writable } from "node:stream";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { createLogger } from "../log/logger.ts";
import { type BatchReadyInput, batchReadyMessage } from "./batch-ready-message.ts";
import type { MailLanguage } from "./mail-frame.ts";
import { createMailer, type Mailer, mailerFromConfig, requireMailer } from "./mailer.ts";
import { signUnsubscribeToken } from "./unsubscribe-token.ts";

interface Received {
  raw: string;
  mail: ParsedMail;
  from: string;
  to: string[];
}

const USER = "aura";
const PASSWORD = "p@ss:w/rd"; // characters that must be percent-encoded in the URL

async function startSmtpServer() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    logger: false,
    // Plain SMTP on loopback; without this nodemailer would upgrade to TLS with the server's
    // self-signed certificate and rightly refuse it.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else
        callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (!state.refuse) return callback();
      callback(
        Object.assign(new Error(`<${address.address}>: Recipient address rejected`), {
          responseCode: 550,
        }),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          (mail) => {
            received.push({
              raw,
              mail,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    state,
    url: `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const SECRET = "a-test-secret-that-is-long-enough-0123456789";

function batchInput(language: MailLanguage): BatchReadyInput {
  const token = signUnsubscribeToken(SECRET, { userId: "user-123", channel: "email" });
  return {
    language,
    personName: { en: "Ana Smith", es: "José Núñez", pt: "João Araújo" }[language],
    jobs: [
      {
        title: 'Senior <Backend> & "Platform" Engineer',
        company: "Acme & Co",
        match: 0.873,
        board: "Remotive",
        url: "https://remotive.com/remote-jobs/software-dev/senior-backend-1",
      },
      {
        title: "TypeScript Developer",
        company: "Globex",
        match: 0.61,
        board: "Remote OK",
        url: "https://remoteok.com/remote-jobs/2",
      },
      { title: "Data Engineer", company: null, match: 0.5, board: "Arbeitnow" },
    ],
    dashboardUrl: "https://aura.example.org/dashboard?from=mail&batch=7",
    unsubscribeUrl: `https://aura.example.org/unsubscribe?token=${token}`,
  };
}

const EXPECTED: Record<
  MailLanguage,
  { subject: string; greeting: string; intro: string; match: string; via: string; open: string }
> = {
  en: {
    subject: "Your new batch is ready",
    greeting: "Hi Ana Smith,",
    intro: "Your new batch is ready. AURA picked 3 jobs for you to rate:",
    match: "87% match",
    via: "via Remotive",
    open: "Open your batch",
  },
  es: {
    subject: "Tu nuevo lote está listo",
    greeting: "Hola, José Núñez:",
    intro: "Tu nuevo lote está listo. AURA eligió 3 empleos para que los valores:",
    match: "87% de afinidad",
    via: "vía Remotive",
    open: "Abrir tu lote",
  },
  pt: {
    subject: "Seu novo lote está pronto",
    greeting: "Olá, João Araújo!",
    intro: "Seu novo lote está pronto. A AURA escolheu 3 vagas para você avaliar:",
    match: "87% de compatibilidade",
    via: "via Remotive",
    open: "Abrir seu lote",
  },
};

describe("mailer over a real SMTP server", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailer: Mailer;
  const logLines: string[] = [];
  const samples = process.env.AURA_MAIL_SAMPLES;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: "AURA <aura@aura.example.org>",
      log: createLogger({ destination, level: "debug" }),
      timeoutMs: 5_000,
    });
    if (samples) writeFileSync(samples, "");
  });

  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
  });

  for (const language of ["en", "es", "pt"] as const) {
    it(`delivers "your batch is ready" in ${language}: subject, text, HTML, links, headers`, async () => {
      const input = batchInput(language);
      const message = batchReadyMessage(input);
      const to = `${language}-person@example.org`;
      const { messageId } = await mailer.send({ to, ...message, kind: "batch-ready" });
      expect(messageId).toMatch(/^<.+@.+>$/);

      const got = smtp.received.find((r) => r.mail.messageId === messageId);
      if (!got) throw new Error("the SMTP server did not receive the message");
      const { mail } = got;
      const words = EXPECTED[language];
      expect(got.from).toBe("aura@aura.example.org");
      expect(got.to).toEqual([to]);
      expect(mail.subject).toBe(words.subject);

      const text = mail.text ?? "";
      expect(text).toContain(words.greeting);
      expect(text).toContain(words.intro);
      expect(text).toContain('1. Senior <Backend> & "Platform" Engineer — Acme & Co');
      expect(text).toContain(`${words.match} · ${words.via}`);
      expect(text).toContain("2. TypeScript Developer — Globex");
      expect(text).toContain("61%");
      expect(text).toContain("3. Data Engineer\n");
      expect(text).toContain("50%");
      expect(text).toContain(input.dashboardUrl);
      expect(text).toContain(input.unsubscribeUrl);
      expect(text).toContain("https://remotive.com/remote-jobs/software-dev/senior-backend-1");

      const html = typeof mail.html === "string" ? mail.html : "";
      expect(html).toContain(`<html lang="${language}">`);
      // The title's special characters are escaped, never markup.
      expect(html).toContain("Senior &lt;Backend&gt; &amp; &quot;Platform&quot; Engineer");
      expect(html).not.toContain("<Backend>");
      expect(html).toContain("Acme &amp; Co");
      expect(html).toContain(words.match);
      expect(html).toContain(words.via);
      expect(html).toContain("TypeScript Developer");
      expect(html).toContain("Data Engineer");
      expect(html).toContain('href="https://aura.example.org/dashboard?from=mail&amp;batch=7"');
      expect(html).toContain(`href="${input.unsubscribeUrl}"`);
      expect(html).toContain(`>${words.open}</a>`);
      expect(html).toContain("background:#5B8CFF");
      expect(html).not.toMatch(/<img|<style|<script|class=/i);

      const header = (key: string) =>
        got.mail.headerLines
          .find((line) => line.key === key)
          ?.line.replace(/\r?\n[ \t]+/g, " ")
          .slice(key.length + 1)
          .trim();
      expect(header("list-unsubscribe")).toBe(`<${input.unsubscribeUrl}>`);
      expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

      if (samples) {
        const headers = got.raw.slice(0, got.raw.search(/\r?\n\r?\n/));
        appendFileSync(
          samples,
          `===== ${language}: as received by the test SMTP server =====\n` +
            `-- envelope: MAIL FROM:<${got.from}> RCPT TO:<${got.to.join(">, <")}>\n` +
            `-- headers (raw)\n${headers.replace(/\r\n/g, "\n")}\n` +
            `-- headers (decoded)\nSubject: ${mail.subject}\n` +
            `-- text part\n${text}\n\n`,
        );
      }
    });
  }

  it("logs a send by message id and kind only: no address, name, subject or text", () => {
    const sent = logLines.filter((line) => line.includes('"mail sent"'));
    expect(sent).toHaveLength(3);
    for (const line of sent) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry.kind).toBe("batch-ready");
      expect(entry.messageId).toMatch(/^<.+>$/);
    }
    const all = logLines.join("\n");
    for (const secret of ["person@example.org", "Ana", "José", "João", "lote", "batch is"]) {
      expect(all).not.toContain(secret);
    }
    expect(all).not.toContain(PASSWORD);
  });

  it("a send the server refuses (550) fails with a clear error naming no address", async () => {
    smtp.state.refuse = true;
    try {
      const message = batchReadyMessage(batchInput("en"));
      const error = await mailer
        .send({ to: "gone@example.org", ...message, kind: "batch-ready" })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.code).toBe("upstream");
      expect(appError.message).toBe("The mail server refused the message (SMTP 550).");
      const cause = String((appError.cause as Error).message);
      expect(cause).toContain("Recipient address rejected");
      expect(cause).toContain("[address]");
      expect(cause).not.toContain("gone@example.org");
      expect(logLines.join("\n")).not.toContain("gone@");
    } finally {
      smtp.state.refuse = false;
    }
    // The pooled connection still serves the next message.
    const again = await mailer.send({
      to: "back@example.org",
      ...batchReadyMessage(batchInput("en")),
    });
    expect(smtp.received.some((r) => r.mail.messageId === again.messageId)).toBe(true);
  });

  it("a wrong password fails with an error that says so", async () => {
    const wrong = createMailer({
      smtpUrl: smtp.url.replace(encodeURIComponent(PASSWORD), "nope"),
      from: "aura@aura.example.org",
      timeoutMs: 5_000,
    });
    try {
      const error = await wrong.verify().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/did not accept AURA's sign-in/);
    } finally {
      wrong.close();
    }
  });
});

describe("mailer configuration", () => {
  it("is null without SMTP_URL, so callers answer mailNotConfigured", () => {
    expect(mailerFromConfig({ env: {} })).toBeNull();
    expect(() => requireMailer(null)).toThrowError(
      expect.objectContaining({ code: "conflict", field: "SMTP_URL" }),
    );
  });

  it("needs a sender when SMTP_URL is set, and never repeats the URL in an error", () => {
    expect(() => mailerFromConfig({ env: { SMTP_URL: "smtp://u:secret@localhost:25" } })).toThrow(
      expect.objectContaining({ code: "invalid_config", field: "MAIL_FROM" }),
    );
    expect(() =>
      createMailer({ smtpUrl: "http://u:secret@localhost", from: "a@b.example" }),
    ).toThrow(expect.objectContaining({ code: "invalid_config", field: "SMTP_URL" }));
    expect(() => createMailer({ smtpUrl: "smtp://localhost:25", from: "not an address" })).toThrow(
      expect.objectContaining({ code: "invalid_config", field: "MAIL_FROM" }),
    );
    const made = mailerFromConfig({
      env: { SMTP_URL: "smtp://localhost:25" },
      config: {
        notify: {
          mailFrom: "AURA <aura@example.org>",
          smtpTimeoutMs: 5_000,
          webhook: { timeoutMs: 1_000, retries: 0, backoffMs: 0, allowPrivate: false },
        },
      },
    });
    expect(made?.from).toBe("AURA <aura@example.org>");
    made?.close();
  });

  it("an unreachable server fails fast with a clear error", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: "aura@example.org",
      timeoutMs: 2_000,
    });
    try {
      const error = await mailer
        .send({ to: "a@example.org", subject: "s", text: "t", html: "<p>t</p>" })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/could not reach the mail server/);
    } finally {
      mailer.close();
    }
  });
});

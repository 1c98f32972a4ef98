// The one mail sender (SMTP, through nodemailer) that notifications, sign-in links and password
// resets share. It logs what was sent by message id and kind only: never an address, a name,
// a subject or a body, and never the SMTP URL (it holds the server's password).
import { createTransport } from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";
import type { AuraConfig, AuraEnv } from "../config/config.ts";
import { AppError } from "../errors.ts";
import { type Logger, silentLogger } from "../log/logger.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  /** What the message is ("batch-ready", "magic-link", …): the only thing logged about it. */
  kind?: string;
}

export interface Mailer {
  /** The sender, as MAIL_FROM (or notify.mailFrom) names it. */
  readonly from: string;
  /** Sends one message; an AppError ("upstream") says why the server did not take it. */
  send(message: MailMessage): Promise<{ messageId: string }>;
  /** Connects and signs in without sending anything (a start-up or `aura doctor` check). */
  verify(): Promise<void>;
  /** Closes the pooled connections; sending after it opens new ones. */
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:port (STARTTLS when the server offers it) or smtps://… (TLS). */
  smtpUrl: string;
  /** "AURA <aura@example.org>" or a bare address. */
  from: string;
  log?: Logger;
  /**
   * Most milliseconds to wait for the connection, the server's greeting and each answer after
   * it (default 20 s). Nodemailer's own defaults (2 min to connect, 10 min idle) would hold a
   * scheduler's job for minutes on a dead server.
   */
  timeoutMs?: number;
}

export function createMailer(options: MailerOptions): Mailer {
  const url = parseSmtpUrl(options.smtpUrl);
  const from = checkSender(options.from, "MAIL_FROM");
  const log = options.log ?? silentLogger;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const transport = createTransport({
    url: url.href,
    // A few connections, reused between messages: the scheduler may notify many people at once.
    pool: true,
    maxConnections: 2,
    maxMessages: 100,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    from,
    async send(message) {
      const kind = message.kind ?? "mail";
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
        });
        log.info({ messageId: info.messageId, kind }, "mail sent");
        return { messageId: info.messageId };
      } catch (cause) {
        const error = smtpError(cause);
        log.warn({ kind, smtpCode: error.smtpCode, errorCode: error.errorCode }, "mail not sent");
        throw error.appError;
      }
    },
    async verify() {
      try {
        await transport.verify();
      } catch (cause) {
        throw smtpError(cause).appError;
      }
    },
    close() {
      transport.close();
    },
  };
}

/**
 * The mailer that SMTP_URL and MAIL_FROM (or `notify.mailFrom`) describe, or null when
 * SMTP_URL is unset: mail is optional, and what needs it answers `mailNotConfigured()`.
 */
export function mailerFromConfig(options: {
  env: Pick<AuraEnv, "SMTP_URL" | "MAIL_FROM">;
  config?: Pick<AuraConfig, "notify">;
  log?: Logger;
}): Mailer | null {
  const smtpUrl = options.env.SMTP_URL;
  if (!smtpUrl) return null;
  const from = options.env.MAIL_FROM ?? options.config?.notify.mailFrom;
  if (!from) {
    throw new AppError(
      "invalid_config",
      "SMTP_URL is set but no sender is: set MAIL_FROM (or notify.mailFrom), e.g. " +
        '"AURA <aura@example.org>".',
      { field: "MAIL_FROM" },
    );
  }
  return createMailer({
    smtpUrl,
    from,
    log: options.log,
    timeoutMs: options.config?.notify.smtpTimeoutMs,
  });
}

/**
 * What a request that needs mail answers when the server has none. Code `conflict` (HTTP
 * 409): the request is fine, the server's state cannot serve it — AppError has no code for
 * "not configured", and `invalid_config` is a 500 that blames the server for a missing option.
 */
export function mailNotConfigured(): AppError {
  return new AppError(
    "conflict",
    "E-mail is not set up on this AURA server, so it cannot send mail. Its administrator " +
      "can set SMTP_URL and MAIL_FROM.",
    { field: "SMTP_URL" },
  );
}

/** The mailer, or the `mailNotConfigured()` error when there is none. */
export function requireMailer(mailer: Mailer | null | undefined): Mailer {
  if (!mailer) throw mailNotConfigured();
  return mailer;
}

function parseSmtpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value itself is never repeated: it may hold the server's password.
    throw new AppError("invalid_config", "SMTP_URL is not a valid URL.", { field: "SMTP_URL" });
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new AppError("invalid_config", "SMTP_URL must start with smtp:// or smtps://.", {
      field: "SMTP_URL",
    });
  }
  if (!url.hostname) {
    throw new AppError("invalid_config", "SMTP_URL names no host.", { field: "SMTP_URL" });
  }
  return url;
}

function checkSender(value: string, field: string): string {
  const addresses = addressparser(value, { flatten: true });
  const only = addresses.length === 1 ? addresses[0] : undefined;
  if (!only?.address || !/^[^\s@]+@[^\s@]+$/.test(only.address)) {
    throw new AppError(
      "invalid_config",
      `${field} must be one address, e.g. "AURA <aura@example.org>".`,
      { field },
    );
  }
  return value.trim();
}

interface SmtpFailure {
  appError: AppError;
  smtpCode?: number;
  errorCode?: string;
}

/**
 * Nodemailer's error as an AppError a person can act on. The server's reply is kept as the
 * cause (the API logs it for 5xx), with addresses blanked: replies such as "550 5.1.1
 * <ana@example.org>: Recipient address rejected" name the person.
 */
function smtpError(cause: unknown): SmtpFailure {
  const raw = cause as { code?: unknown; responseCode?: unknown; response?: unknown } | undefined;
  const errorCode = typeof raw?.code === "string" ? raw.code : undefined;
  const smtpCode = typeof raw?.responseCode === "number" ? raw.responseCode : undefined;
  const reply = typeof raw?.response === "string" ? blankAddresses(raw.response) : undefined;
  const detail = new Error(
    [errorCode, reply ?? (cause instanceof Error ? blankAddresses(cause.message) : undefined)]
      .filter(Boolean)
      .join(": "),
  );
  let message: string;
  if (errorCode === "EAUTH") {
    message =
      "The mail server did not accept AURA's sign-in: check the user and password in SMTP_URL.";
  } else if (smtpCode !== undefined && smtpCode >= 400) {
    const lasting = smtpCode >= 500 ? "refused" : "could not take (for now)";
    message = `The mail server ${lasting} the message (SMTP ${smtpCode}).`;
  } else if (
    errorCode === "ECONNECTION" ||
    errorCode === "ETIMEDOUT" ||
    errorCode === "EDNS" ||
    errorCode === "ESOCKET" ||
    errorCode === "ETLS"
  ) {
    message = "AURA could not reach the mail server named by SMTP_URL; try again later.";
  } else {
    message = "The mail server did not take the message.";
  }
  return { appError: new AppError("upstream", message, { cause: detail }), smtpCode, errorCode };
}

function blankAddresses(text: string): string {
  return text.replace(/[^\s<>"',;:]+@[^\s<>"',;]+/g, "[address]");
}

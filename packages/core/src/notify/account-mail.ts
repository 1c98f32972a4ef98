// The account's e-mails: a sign-in link and a password reset, in the person's language (en, es,
// pt), as a subject, a plain-text part and an HTML part (inline styles only, readable without
// images), like the "batch ready" one. And the requests that ask for them and use them. The
// person's name goes into the message only.
import { AppError } from "../errors.ts";
import { z } from "../shared/contract-zod.ts";
import type { MailContent } from "./batch-ready-message.ts";
import { COLOURS, escapeHtml, MAIL_LANGUAGES, type MailLanguage, mailHtml } from "./mail-frame.ts";

/** Asks for a sign-in link or a password reset; the answer is the same whether or not the address has an account. */
export const accountMailRequestSchema = z
  .strictObject({
    email: z.email().max(254),
    language: z.enum(MAIL_LANGUAGES).optional().meta({
      description:
        "The language of the page asking: the e-mail's, unless the person chose one in their settings",
    }),
  })
  .meta({ id: "AccountMailRequest" });
export type AccountMailRequest = z.infer<typeof accountMailRequestSchema>;

/** The token of an e-mailed link (the `token` of its address). */
const linkToken = z.string().trim().min(1).max(200);

export const signInLinkSchema = z.strictObject({ token: linkToken }).meta({ id: "SignInLink" });

export const passwordResetSchema = z
  .strictObject({ token: linkToken, newPassword: z.string().min(8).max(128) })
  .meta({ id: "PasswordReset" });

const webUrl = z.url({ protocol: /^https?$/ });

const accountLinkInputSchema = z.object({
  language: z.enum(MAIL_LANGUAGES),
  /** Shown in the greeting; without one the greeting has no name. */
  personName: z.string().trim().max(200).nullish(),
  /** The page the link opens (its token in the query). */
  url: webUrl,
  /** How long the link works. */
  minutes: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 60),
});
export type AccountLinkInput = z.input<typeof accountLinkInputSchema>;

interface Words {
  subject: string;
  lead: string;
  button: string;
  /** Once, and for how long: "1 hour", "15 minutes". */
  validity: (duration: string) => string;
  ignore: string;
  why: string;
}

interface LanguageWords {
  greeting: (name: string | null) => string;
  duration: (minutes: number) => string;
  copy: string;
  signIn: Words;
  reset: Words;
}

const WORDS: Record<MailLanguage, LanguageWords> = {
  en: {
    greeting: (name) => (name ? `Hi ${name},` : "Hi,"),
    duration: (m) =>
      m % 60 === 0
        ? `${m / 60} ${m === 60 ? "hour" : "hours"}`
        : `${m} ${m === 1 ? "minute" : "minutes"}`,
    copy: "If the button does not work, copy this address into your browser:",
    signIn: {
      subject: "Your AURA sign-in link",
      lead: "Open this link to sign in to AURA:",
      button: "Sign in to AURA",
      validity: (d) => `The link works once, within ${d}.`,
      ignore:
        "If you did not ask for it, you can ignore this e-mail: nobody can sign in without it.",
      why: "You get this e-mail because someone asked AURA for a sign-in link for this address.",
    },
    reset: {
      subject: "Reset your AURA password",
      lead: "Open this link to choose a new password:",
      button: "Choose a new password",
      validity: (d) => `The link works once, within ${d}.`,
      ignore: "If you did not ask for it, ignore this e-mail: your password stays as it is.",
      why: "You get this e-mail because someone asked AURA to reset the password of the account with this address.",
    },
  },
  es: {
    greeting: (name) => (name ? `Hola, ${name}:` : "Hola:"),
    duration: (m) =>
      m % 60 === 0
        ? `${m / 60} ${m === 60 ? "hora" : "horas"}`
        : `${m} ${m === 1 ? "minuto" : "minutos"}`,
    copy: "Si el botón no funciona, copia esta dirección en tu navegador:",
    signIn: {
      subject: "Tu enlace para iniciar sesión en AURA",
      lead: "Abre este enlace para iniciar sesión en AURA:",
      button: "Iniciar sesión en AURA",
      validity: (d) => `El enlace sirve una sola vez y caduca en ${d}.`,
      ignore: "Si no lo pediste, puedes ignorar este correo: nadie puede entrar sin el enlace.",
      why: "Recibes este correo porque alguien pidió a AURA un enlace de inicio de sesión para esta dirección.",
    },
    reset: {
      subject: "Restablece tu contraseña de AURA",
      lead: "Abre este enlace para elegir una contraseña nueva:",
      button: "Elegir una contraseña nueva",
      validity: (d) => `El enlace sirve una sola vez y caduca en ${d}.`,
      ignore: "Si no lo pediste, ignora este correo: tu contraseña no cambia.",
      why: "Recibes este correo porque alguien pidió a AURA restablecer la contraseña de la cuenta con esta dirección.",
    },
  },
  pt: {
    greeting: (name) => (name ? `Olá, ${name}!` : "Olá!"),
    duration: (m) =>
      m % 60 === 0
        ? `${m / 60} ${m === 60 ? "hora" : "horas"}`
        : `${m} ${m === 1 ? "minuto" : "minutos"}`,
    copy: "Se o botão não funcionar, copie este endereço no seu navegador:",
    signIn: {
      subject: "Seu link para entrar na AURA",
      lead: "Abra este link para entrar na AURA:",
      button: "Entrar na AURA",
      validity: (d) => `O link funciona uma única vez e expira em ${d}.`,
      ignore: "Se você não pediu, pode ignorar este e-mail: ninguém consegue entrar sem o link.",
      why: "Você recebe este e-mail porque alguém pediu à AURA um link de acesso para este endereço.",
    },
    reset: {
      subject: "Redefina sua senha da AURA",
      lead: "Abra este link para escolher uma nova senha:",
      button: "Escolher uma nova senha",
      validity: (d) => `O link funciona uma única vez e expira em ${d}.`,
      ignore: "Se você não pediu, ignore este e-mail: sua senha continua a mesma.",
      why: "Você recebe este e-mail porque alguém pediu à AURA para redefinir a senha da conta com este endereço.",
    },
  },
};

/**
 * The e-mail with a sign-in link. Throws AppError("invalid_input") on a bad input (a URL that
 * is not http(s)).
 */
export function signInLinkMessage(input: AccountLinkInput): MailContent {
  return linkMessage(input, "signIn");
}

/** The e-mail with a link to choose a new password. Throws like signInLinkMessage. */
export function passwordResetMessage(input: AccountLinkInput): MailContent {
  return linkMessage(input, "reset");
}

function linkMessage(input: AccountLinkInput, kind: "signIn" | "reset"): MailContent {
  const parsed = accountLinkInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") ?? "";
    throw new AppError("invalid_input", `Invalid account e-mail at "${field}": ${issue?.message}`, {
      field,
    });
  }
  const data = parsed.data;
  const language = WORDS[data.language];
  const words = language[kind];
  const name = data.personName ? data.personName : null;
  const validity = words.validity(language.duration(data.minutes));

  const text = [
    language.greeting(name),
    "",
    words.lead,
    "",
    data.url,
    "",
    `${validity} ${words.ignore}`,
    "",
    "-- ",
    words.why,
    "",
  ].join("\n");

  const paragraph = `margin:16px 0 0;font-size:16px;line-height:24px;color:${COLOURS.text};`;
  const html = mailHtml({
    language: data.language,
    subject: words.subject,
    padding: "28px",
    body: `<p style="${paragraph}">${escapeHtml(language.greeting(name))}</p>
<p style="margin:8px 0 0;font-size:16px;line-height:24px;color:${COLOURS.text};">${escapeHtml(words.lead)}</p>
<p style="margin:20px 0 0;"><a href="${escapeHtml(data.url)}" style="display:inline-block;background:${COLOURS.primary};color:${COLOURS.onPrimary};font-size:16px;line-height:20px;font-weight:700;text-decoration:none;padding:12px 22px;border-radius:8px;">${escapeHtml(words.button)}</a></p>
<p style="${paragraph}">${escapeHtml(validity)} ${escapeHtml(words.ignore)}</p>
<p style="margin:16px 0 0;font-size:14px;line-height:20px;color:${COLOURS.muted};">${escapeHtml(language.copy)}<br><a href="${escapeHtml(data.url)}" style="color:${COLOURS.muted};word-break:break-all;">${escapeHtml(data.url)}</a></p>`,
    footer: escapeHtml(words.why),
  });

  // RFC 3834: sent by a program, so vacation replies and the like stay away.
  return { subject: words.subject, text, html, headers: { "Auto-Submitted": "auto-generated" } };
}

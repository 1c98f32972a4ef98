// "Your new batch is ready": the e-mail in the person's language (en, es, pt), as a subject, a
// plain-text part and an HTML part (inline styles only, readable without images), with the
// one-click unsubscribe headers of RFC 8058. The person's name goes into the message only.
import { z } from "zod";
import { AppError } from "../errors.ts";
import { COLOURS, escapeHtml, MAIL_LANGUAGES, type MailLanguage, mailHtml } from "./mail-frame.ts";

const webUrl = z.url({ protocol: /^https?$/ });

const batchReadyInputSchema = z.object({
  language: z.enum(MAIL_LANGUAGES),
  /** Shown in the greeting; without one the greeting has no name. */
  personName: z.string().trim().max(200).nullish(),
  jobs: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(500),
        company: z.string().trim().max(300).nullish(),
        /** The ranker's match, 0..1 (Why.match), shown as a whole percentage. */
        match: z.number().min(0).max(1),
        /** The board's display name (sourceLabel), credited as "via Remotive". */
        board: z.string().trim().min(1).max(100),
        /** The posting on its board; the title links to it when given. */
        url: webUrl.nullish(),
      }),
    )
    .min(1)
    .max(50),
  dashboardUrl: webUrl,
  /** A page that unsubscribes on GET (with a confirmation) and on a one-click POST (RFC 8058). */
  unsubscribeUrl: webUrl,
});

export type BatchReadyInput = z.input<typeof batchReadyInputSchema>;

export interface MailContent {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

interface Words {
  subject: string;
  greeting: (name: string | null) => string;
  intro: (count: number) => string;
  match: (percent: string) => string;
  via: (board: string) => string;
  open: string;
  openText: string;
  why: string;
  unsubscribe: string;
}

const WORDS: Record<MailLanguage, Words> = {
  en: {
    subject: "Your new batch is ready",
    greeting: (name) => (name ? `Hi ${name},` : "Hi,"),
    intro: (n) => `AURA picked ${n === 1 ? "1 job" : `${n} jobs`} for you to rate:`,
    match: (p) => `${p} match`,
    via: (board) => `via ${board}`,
    open: "Open your batch",
    openText: "Open your batch",
    why: "You get this e-mail because batch e-mails are on in your AURA settings.",
    unsubscribe: "Unsubscribe",
  },
  es: {
    subject: "Tu nuevo lote está listo",
    greeting: (name) => (name ? `Hola, ${name}:` : "Hola:"),
    intro: (n) =>
      n === 1
        ? "AURA eligió 1 empleo para que lo valores:"
        : `AURA eligió ${n} empleos para que los valores:`,
    match: (p) => `${p} de afinidad`,
    via: (board) => `vía ${board}`,
    open: "Abrir tu lote",
    openText: "Abre tu lote",
    why: "Recibes este correo porque los avisos por correo están activados en tus ajustes de AURA.",
    unsubscribe: "Darse de baja",
  },
  pt: {
    subject: "Seu novo lote está pronto",
    greeting: (name) => (name ? `Olá, ${name}!` : "Olá!"),
    intro: (n) => `A AURA escolheu ${n === 1 ? "1 vaga" : `${n} vagas`} para você avaliar:`,
    match: (p) => `${p} de compatibilidade`,
    via: (board) => `via ${board}`,
    open: "Abrir seu lote",
    openText: "Abra seu lote",
    why: "Você recebe este e-mail porque os avisos por e-mail estão ativados nas suas configurações da AURA.",
    unsubscribe: "Cancelar inscrição",
  },
};

/**
 * The message for a batch that is ready. Throws AppError("invalid_input") on a bad input
 * (no jobs, a URL that is not http(s)).
 */
export function batchReadyMessage(input: BatchReadyInput): MailContent {
  const parsed = batchReadyInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") ?? "";
    throw new AppError("invalid_input", `Invalid batch message at "${field}": ${issue?.message}`, {
      field,
    });
  }
  const data = parsed.data;
  const words = WORDS[data.language];
  const name = data.personName ? data.personName : null;
  const jobs = data.jobs.map((job) => ({
    ...job,
    company: job.company || null,
    percent: `${Math.round(job.match * 100)}%`,
  }));

  const text = [
    words.greeting(name),
    "",
    `${words.subject}. ${words.intro(jobs.length)}`,
    "",
    ...jobs.flatMap((job, i) => [
      `${i + 1}. ${job.title}${job.company ? ` — ${job.company}` : ""}`,
      `   ${words.match(job.percent)} · ${words.via(job.board)}`,
      ...(job.url ? [`   ${job.url}`] : []),
      "",
    ]),
    `${words.openText}: ${data.dashboardUrl}`,
    "",
    "-- ",
    words.why,
    `${words.unsubscribe}: ${data.unsubscribeUrl}`,
    "",
  ].join("\n");

  const rows = jobs
    .map((job) => {
      const title = job.url
        ? `<a href="${escapeHtml(job.url)}" style="color:${COLOURS.text};text-decoration:underline;">${escapeHtml(job.title)}</a>`
        : escapeHtml(job.title);
      const company = job.company
        ? `<div style="color:${COLOURS.muted};font-size:14px;line-height:20px;">${escapeHtml(job.company)}</div>`
        : "";
      return `<tr><td style="padding:14px 0;border-top:1px solid ${COLOURS.border};">
<div style="font-size:16px;line-height:22px;font-weight:600;color:${COLOURS.text};">${title}</div>
${company}<div style="color:${COLOURS.muted};font-size:14px;line-height:20px;"><strong style="color:${COLOURS.text};">${escapeHtml(words.match(job.percent))}</strong> · ${escapeHtml(words.via(job.board))}</div>
</td></tr>`;
    })
    .join("\n");

  const html = mailHtml({
    language: data.language,
    subject: words.subject,
    padding: "28px 28px 8px",
    body: `<p style="margin:16px 0 0;font-size:16px;line-height:24px;color:${COLOURS.text};">${escapeHtml(words.greeting(name))}</p>
<p style="margin:8px 0 0;font-size:16px;line-height:24px;color:${COLOURS.text};">${escapeHtml(words.intro(jobs.length))}</p>`,
    rows: `<tr><td style="padding:8px 28px 0;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0">
${rows}
</table>
</td></tr>
<tr><td style="padding:20px 28px 28px;">
<a href="${escapeHtml(data.dashboardUrl)}" style="display:inline-block;background:${COLOURS.primary};color:${COLOURS.onPrimary};font-size:16px;line-height:20px;font-weight:700;text-decoration:none;padding:12px 22px;border-radius:8px;">${escapeHtml(words.open)}</a>
</td></tr>`,
    footer: `${escapeHtml(words.why)} <a href="${escapeHtml(data.unsubscribeUrl)}" style="color:${COLOURS.muted};text-decoration:underline;">${escapeHtml(words.unsubscribe)}</a>`,
  });

  return {
    subject: words.subject,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${data.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      // No out-of-office replies to a machine's message (RFC 3834).
      "Auto-Submitted": "auto-generated",
    },
  };
}

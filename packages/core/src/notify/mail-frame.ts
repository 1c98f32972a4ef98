// The frame every AURA e-mail's HTML part shares: the document, the page, the card with the
// "AURA" wordmark and the subject as its heading, and a line under the card. Inline styles only,
// readable without images. What goes in the card and under it is each e-mail's own.

export const MAIL_LANGUAGES = ["en", "es", "pt"] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** A language tag ("pt-BR", "es", "fr") as one of the mail's languages; English otherwise. */
export function mailLanguage(tag: string | null | undefined): MailLanguage {
  const base = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return (MAIL_LANGUAGES as readonly string[]).includes(base ?? "") ? (base as MailLanguage) : "en";
}

// Light colours of the design (mail clients show light far more reliably than dark); the
// button is the primary #5B8CFF with the dark text #0B0F19 (contrast 6:1; white on it is 3:1).
export const COLOURS = {
  page: "#F8FAFF",
  surface: "#FFFFFF",
  text: "#0C1222",
  muted: "#4A5368",
  border: "#DDE3F0",
  primary: "#5B8CFF",
  onPrimary: "#0B0F19",
};
const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

export interface MailFrame {
  language: MailLanguage;
  /** Plain text: the document's title and the card's heading. */
  subject: string;
  /** The CSS padding of the card's first cell. */
  padding: string;
  /** HTML in the card's first cell, after the heading. */
  body: string;
  /** HTML rows (`<tr>…</tr>`) of the card after its first cell, if any. */
  rows?: string;
  /** HTML of the small muted line under the card (why the e-mail came). */
  footer: string;
}

/** The e-mail's whole HTML part, around its own content. */
export function mailHtml({ language, subject, padding, body, rows, footer }: MailFrame): string {
  return `<!DOCTYPE html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:${COLOURS.page};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${COLOURS.page};font-family:${FONT};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:${COLOURS.surface};border:1px solid ${COLOURS.border};border-radius:12px;">
<tr><td style="padding:${padding};">
<div style="font-size:13px;letter-spacing:2px;font-weight:700;color:${COLOURS.muted};">AURA</div>
<h1 style="margin:12px 0 0;font-size:22px;line-height:28px;color:${COLOURS.text};">${escapeHtml(subject)}</h1>
${body}
</td></tr>
${rows ? `${rows}\n` : ""}</table>
<p style="max-width:560px;margin:16px auto 0;font-size:13px;line-height:20px;color:${COLOURS.muted};">${footer}</p>
</td></tr>
</table>
</body>
</html>
`;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

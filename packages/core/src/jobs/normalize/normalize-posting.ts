import { createHash } from "node:crypto";
import { detectCountry } from "../../shared/location.ts";
import type { SourcePosting } from "../../sources/types.ts";
import { canonicalUrl } from "../dedupe/canonical-url.ts";
import { companyKey, titleKey } from "../dedupe/keys.ts";
import type { NormalizedPosting } from "../job.ts";
import { normalizeEmploymentType } from "./employment-type.ts";
import { htmlToText } from "./html-to-text.ts";
import { repairMojibake } from "./mojibake.ts";
import { parsePostedDate } from "./posted-date.ts";
import { detectRemote } from "./remote.ts";
import { buildSalary } from "./salary.ts";
import { detectSeniority } from "./seniority.ts";
import { normalizeTags } from "./tags.ts";

/**
 * A source posting as a clean job: text from HTML, closed vocabularies, pay with
 * yearly figures, the de-duplication keys and a hash of what a person sees.
 * Pure and total: odd input gives a best effort, never an exception.
 */
export function normalizePosting(posting: SourcePosting, now: Date): NormalizedPosting {
  const rawTitle = asText(posting.title);
  const rawCompany = asText(posting.company);
  const title = cleanInline(rawTitle) || rawTitle.trim();
  const company = cleanInline(rawCompany) || rawCompany.trim();
  const description = cleanBlock(asText(posting.description));
  const location = cleanInline(asText(posting.location)) || null;
  const country = detectCountry({ country: asOptionalText(posting.country), location });
  const url = asText(posting.url).trim();

  const fields = {
    title,
    company,
    description,
    location,
    country,
    remote: detectRemote({ hint: asOptionalText(posting.remote), location, title, description }),
    salary: buildSalary(posting, { descriptionText: description, country }),
    seniority: detectSeniority({ hint: hintText(posting.seniority), title }),
    employmentType: normalizeEmploymentType(hintText(posting.employmentType), title),
    postedAt: parsePostedDate(posting.postedAt, now),
    tags: normalizeTags(Array.isArray(posting.tags) ? posting.tags.map(asText) : []),
  };
  // A date read from "3 days ago" moves with the clock: it must not make the posting
  // look changed on every run.
  const hashed = isAbsoluteDate(posting.postedAt) ? fields : { ...fields, postedAt: null };
  return {
    externalId: asText(posting.externalId).trim(),
    url,
    canonicalUrl: canonicalUrl(url),
    ...fields,
    companyKey: companyKey(company),
    titleKey: titleKey(title),
    contentHash: contentHash(hashed),
  };
}

/** Title, company and location: one line of clean text (tags stripped, entities decoded). */
function cleanInline(text: string): string {
  return htmlToText(repairMojibake(text)).replace(/\s+/g, " ").trim();
}

/** A description: paragraphs and bullets of clean text. Mojibake is repaired before
 * the HTML is read, while its bytes are still intact. */
function cleanBlock(text: string): string {
  return htmlToText(repairMojibake(text));
}

type Visible = Omit<
  NormalizedPosting,
  "externalId" | "url" | "canonicalUrl" | "companyKey" | "titleKey" | "contentHash"
>;

/**
 * SHA-1 of what a person sees, in a fixed order, so a posting counts as changed
 * exactly when its shown content does.
 */
function contentHash(fields: Visible): string {
  const seen = [
    fields.title,
    fields.company,
    fields.description,
    fields.location,
    fields.remote,
    fields.salary.min,
    fields.salary.max,
    fields.salary.currency,
    fields.salary.period,
    fields.employmentType,
    fields.seniority,
    fields.postedAt?.toISOString() ?? null,
    fields.tags,
  ];
  return createHash("sha1").update(JSON.stringify(seen)).digest("hex");
}

/** Control characters and broken surrogate halves: no text shows them, and PostgreSQL refuses NUL. */
// biome-ignore lint/complexity/useRegexLiterals: as a literal it would hold the control characters it matches
const UNSTORABLE = new RegExp(
  String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
  "g",
);

function asText(value: unknown): string {
  if (typeof value === "string") return value.replace(UNSTORABLE, "");
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

function isAbsoluteDate(value: unknown): boolean {
  if (typeof value !== "string") return true;
  const text = value.trim();
  return /^\d+(\.\d+)?$/.test(text) || !Number.isNaN(Date.parse(text));
}

function asOptionalText(value: unknown): string | null {
  const text = asText(value).trim();
  return text === "" ? null : text;
}

/** Adapters pass levels and types as text, but a list is accepted too. */
function hintText(value: unknown): string | string[] | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return null;
}

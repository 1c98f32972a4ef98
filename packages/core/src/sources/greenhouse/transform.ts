import { transformWith } from "../parse-raw.ts";
import type { SourcePosting } from "../types.ts";
import { greenhouseJob } from "./types.ts";

const GREENHOUSE_HOST = /(^|\.)greenhouse\.io$/i;

export const transformGreenhouse = transformWith(greenhouseJob, (job) => {
  const board = job._board ?? boardFromUrl(job.absolute_url);
  // The board token stands in for the company when the job does not name it.
  const company = job.company_name ?? board;
  if (!company) throw new Error("company_name: missing, and no board token to name the company");
  const url =
    job.absolute_url ??
    (board ? `https://job-boards.greenhouse.io/${encodeURIComponent(board)}/jobs/${job.id}` : null);
  if (!url) throw new Error("absolute_url: missing");
  const location = job.location ?? (job.offices.length ? job.offices.join("; ") : null);
  return {
    externalId: job.id,
    url,
    title: job.title,
    company,
    // Escaped twice by Greenhouse; normalize detects and unescapes it.
    description: job.content,
    location,
    remote: remoteHint(location),
    postedAt: job.first_published ?? job.updated_at,
    ...fromMetadata(job.metadata),
    tags: [...new Set(job.departments)],
  };
});

/** The board token in a Greenhouse-hosted job URL (`job-boards.greenhouse.io/{token}/jobs/1`). */
function boardFromUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (!GREENHOUSE_HOST.test(parsed.hostname)) return null;
    const forParam = parsed.searchParams.get("for");
    if (forParam) return forParam;
    const first = parsed.pathname.split("/").filter(Boolean)[0];
    return first && first !== "embed" ? decodeURIComponent(first) : null;
  } catch {
    return null;
  }
}

/** What a location string says about remote work ("Remote, Italy"), if anything. */
function remoteHint(location: string | null): SourcePosting["remote"] {
  if (!location) return null;
  if (/\bhybrid\b/i.test(location)) return "hybrid";
  if (/\bremote\b/i.test(location)) return "remote";
  if (/\b(on-?site|in[- ]office)\b/i.test(location)) return "onsite";
  return null;
}

type MetadataFields = Pick<
  SourcePosting,
  | "employmentType"
  | "salaryMin"
  | "salaryMax"
  | "currency"
  | "salaryPeriod"
  | "salaryText"
  | "seniority"
>;

/**
 * Greenhouse `metadata` holds the employer's custom fields. Those named like an
 * employment type, a salary or a level are read: text as text, Greenhouse's
 * `currency` ({amount, unit}) and `currency_range` ({min_value, max_value, unit})
 * values as numbers. Anything else is ignored.
 */
function fromMetadata(entries: { name: string; value: unknown }[]): MetadataFields {
  const out: MetadataFields = {};
  for (const { name, value } of entries) {
    const text = textValue(value);
    if (/employment|job type|commitment|contract type|time type|schedule/i.test(name)) {
      if (text && !out.employmentType) out.employmentType = text;
    } else if (/salary|compensation|\bpay\b|pay range|wage|remuneration|\bote\b/i.test(name)) {
      readSalary(name, value, text, out);
    } else if (/seniority|\blevel\b/i.test(name)) {
      if (text && !out.seniority) out.seniority = text;
    }
  }
  return out;
}

function readSalary(name: string, value: unknown, text: string | null, out: MetadataFields) {
  const period = /hour/i.test(name)
    ? "hour"
    : /month/i.test(name)
      ? "month"
      : /annual|year/i.test(name)
        ? "year"
        : null;
  const isMax = /\b(max|maximum|top|high|upper|to)\b/i.test(name);
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const unit = typeof v.unit === "string" && v.unit.trim() ? v.unit.trim() : null;
    const min = numberValue(v.min_value);
    const max = numberValue(v.max_value);
    const amount = numberValue(v.amount);
    if (min !== null || max !== null) {
      out.salaryMin ??= min;
      out.salaryMax ??= max;
    } else if (amount !== null) {
      if (isMax) out.salaryMax ??= amount;
      else out.salaryMin ??= amount;
    } else return;
    out.currency ??= unit;
    out.salaryPeriod ??= period;
    return;
  }
  const amount = typeof value === "number" ? numberValue(value) : null;
  if (amount !== null) {
    if (isMax) out.salaryMax ??= amount;
    else out.salaryMin ??= amount;
    out.salaryPeriod ??= period;
  } else if (text) {
    out.salaryText ??= text;
  }
}

function textValue(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (Array.isArray(value)) {
    const parts = value.filter((v): v is string => typeof v === "string" && v.trim() !== "");
    return parts.length ? parts.map((p) => p.trim()).join(", ") : null;
  }
  return null;
}

function numberValue(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() ? Number(value.replace(/,/g, "")) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

import { createHash } from "node:crypto";
import type { SourcePosting, TransformResult } from "../types.ts";

export interface PostingTextHints {
  title?: string;
  company?: string;
  url?: string;
}

/** Lines copied with the text of job sites' pages that are buttons, not content. */
const NOISE =
  /^(?:share|show more options|show more|show less|save|saved|apply|easy apply|apply now|promoted|promoted by hirer|responses managed off linkedin|actively reviewing applicants|see how you compare.*|try premium.*|get ai-powered advice.*|message|follow|report this job|back|more|\d+ (?:connections?|school alumni).*)$/i;
const SEPARATOR = /\s+[·•]\s+/;
const REMOTE = /\b(remote|hybrid|on-?site|in[- ]office)\b/i;
const EMPLOYMENT: [RegExp, string][] = [
  [/\bfull[- ]?time\b/i, "Full-time"],
  [/\bpart[- ]?time\b/i, "Part-time"],
  [/\bcontract(?:or)?\b/i, "Contract"],
  [/\btemporary\b/i, "Temporary"],
  [/\binternship\b/i, "Internship"],
];
const LOCATION_LIKE =
  /\b(remote|hybrid|on-?site|united states|united kingdom|europe|emea|worldwide|anywhere)\b|^[A-Z][\w .'-]*,\s*[A-Z][\w .'-]*/i;
const TIME_AGO =
  /\b((?:\d+|an?)\s+(?:minute|hour|day|week|month)s?\s+ago|just now|today|yesterday)\b/i;

/**
 * A posting from plain text a person pasted (from LinkedIn, an email, a PDF...).
 * title: the hint, else the first line (a "Role at Company" line gives both);
 * company: the hint, else "Role at Company", "Company: X", "X is hiring", a LinkedIn-style
 * "Company · Location · 2 days ago" line or an "About X" heading; without one the result
 * asks for `--company`. url: the hint, else the first http(s) URL of the text.
 *
 * A text without any URL is still a posting: its `externalId` is `text:<sha1>` and its
 * `url` the URN `urn:aura:pasted:<sha1>` (sha1 of the whitespace-normalized text), unique
 * to the text and plainly not a web page: show no link for it.
 */
export function parsePostingText(text: string, hints: PostingTextHints = {}): TransformResult {
  const normalized = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .trim();
  if (!normalized) return { ok: false, reason: "text: empty" };
  const lines = normalized
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line && !NOISE.test(line));
  if (lines.length === 0) return { ok: false, reason: "text: no content" };

  const head = readHead(lines);
  const title = hints.title?.trim() || head.title;
  if (!title) return { ok: false, reason: "title: not found; give it with --title" };
  if (title.length > 200) {
    return {
      ok: false,
      reason: "title: the first line is too long to be a title; give it with --title",
    };
  }
  const company = hints.company?.trim() || head.company;
  if (!company) {
    return {
      ok: false,
      reason: 'company: not found in the text; give it with --company "Company name"',
    };
  }

  let url = hints.url?.trim() || firstUrl(normalized);
  if (url && !/^https?:\/\/[^\s/]+/i.test(url)) {
    return { ok: false, reason: `url: not an http(s) URL ("${url.slice(0, 80)}")` };
  }
  let externalId = url;
  if (!url) {
    const hash = createHash("sha1").update(normalized.replace(/\s+/g, " ")).digest("hex");
    externalId = `text:${hash}`;
    url = `urn:aura:pasted:${hash}`;
  }

  const top = lines.slice(0, 15);
  const posting: SourcePosting = {
    externalId: externalId as string,
    url,
    title,
    company,
    description: normalized,
    location: labelled(lines, /^(?:location|based in|office)\s*[:\-–]\s*(.+)$/i) ?? head.location,
    remote: remoteHint(top),
    salaryText:
      labelled(
        lines,
        /^(?:salary|compensation|pay|pay range|base salary|salary range)\s*[:\-–]\s*(.+)$/i,
      ) ??
      top.find((line) => line.length <= 80 && /[$€£]\s?\d/.test(line)) ??
      null,
    employmentType: employment(top),
    postedAt: head.postedAt,
  };
  return { ok: true, posting };
}

interface Head {
  title: string | null;
  company: string | null;
  location: string | null;
  postedAt: string | null;
}

/** Title, company, location and age from the first lines. */
function readHead(lines: string[]): Head {
  const head: Head = { title: lines[0] ?? null, company: null, location: null, postedAt: null };

  // "Company · Location · 2 days ago" (LinkedIn and others), near the top.
  const dotIndex = lines.slice(0, 8).findIndex((line) => SEPARATOR.test(line));
  if (dotIndex >= 0) {
    const segments = (lines[dotIndex] as string).split(SEPARATOR).map((s) => s.trim());
    head.postedAt = segments.map((s) => s.match(TIME_AGO)?.[1]).find(Boolean) ?? null;
    const first = segments[0] ?? "";
    if (LOCATION_LIKE.test(first) || TIME_AGO.test(first)) {
      // "Location · 2 days ago" under the title, with the company above it.
      head.location = LOCATION_LIKE.test(first) ? first : null;
      if (dotIndex >= 2) {
        head.title = lines[dotIndex - 1] ?? head.title;
        head.company = lines[dotIndex - 2] ?? null;
      } else if (dotIndex === 1) {
        head.title = lines[0] ?? null;
      }
    } else if (dotIndex >= 1) {
      head.title = lines[dotIndex - 1] ?? head.title;
      head.company = first;
      const second = segments[1];
      if (second && LOCATION_LIKE.test(second) && !TIME_AGO.test(second)) head.location = second;
    }
  }

  const firstLine = head.title ?? "";
  const roleAt = firstLine.match(
    /^(.{2,120}?)\s+(?:at|@)\s+([A-Z0-9][^,()|]{0,80}?)\s*(?:\(([^)]*)\))?$/,
  );
  if (roleAt?.[1] && roleAt[2]) {
    head.title = roleAt[1].trim();
    head.company ??= roleAt[2].trim();
    if (roleAt[3] && LOCATION_LIKE.test(roleAt[3])) head.location ??= roleAt[3].trim();
  }
  const hiring = firstLine.match(
    /^(.{1,80}?)\s+(?:is|are)\s+(?:now\s+)?(?:hiring|looking for|seeking)\s*:?\s*(?:an?\s+)?(.{2,120}?)[.!]?$/i,
  );
  if (hiring?.[1] && hiring[2] && !/^(?:we|i|our)\b/i.test(hiring[1])) {
    head.company ??= hiring[1].trim();
    head.title = hiring[2].trim();
  }

  const top = lines.slice(0, 12);
  head.company ??= labelled(
    top,
    /^(?:company|employer|organi[sz]ation|hiring company)\s*[:\-–]\s*(.+)$/i,
  );
  head.company ??=
    top
      .map(
        (line) =>
          line.match(
            /^(.{1,80}?)\s+(?:is|are)\s+(?:now\s+)?(?:hiring|looking for|seeking)\b/i,
          )?.[1],
      )
      .find((name) => name && !/^(?:we|i|our)\b/i.test(name)) ?? null;
  head.company ??=
    lines
      .map((line) => line.match(/^About\s+(.{1,60}?)[:.]?$/)?.[1])
      .find(
        (name) =>
          name &&
          !/^(?:the|this|us|you|our|your|me|it|company|role|job|position|team|opportunity)\b/i.test(
            name,
          ),
      ) ?? null;
  return head;
}

function labelled(lines: string[], pattern: RegExp): string | null {
  for (const line of lines) {
    const value = line.match(pattern)?.[1]?.trim();
    if (value) return value;
  }
  return null;
}

function firstUrl(text: string): string | null {
  const match = text.match(/https?:\/\/[^\s<>"')\]]+/i)?.[0];
  return match ? match.replace(/[.,;:!?]+$/, "") : null;
}

function remoteHint(lines: string[]): SourcePosting["remote"] {
  for (const line of lines) {
    if (line.length > 120) continue;
    const word = line.match(REMOTE)?.[1]?.toLowerCase();
    if (!word) continue;
    if (word === "remote") return "remote";
    if (word === "hybrid") return "hybrid";
    return "onsite";
  }
  return null;
}

function employment(lines: string[]): string | null {
  for (const line of lines) {
    if (line.length > 120) continue;
    for (const [pattern, name] of EMPLOYMENT) if (pattern.test(line)) return name;
  }
  return null;
}

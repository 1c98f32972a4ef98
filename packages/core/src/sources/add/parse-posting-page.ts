import { DomUtils, parseDocument } from "htmlparser2";
import { companyFromBoardName } from "../company-name.ts";
import type { SourcePosting } from "../types.ts";

type Document = ReturnType<typeof parseDocument>;
type Node = Document["children"][number];
type Element = ReturnType<typeof DomUtils.findAll>[number];
type Json = Record<string, unknown>;

/**
 * A posting from the HTML of a page a person gave the URL of (a company careers page,
 * an ATS page, a job board). A schema.org `JobPosting` in JSON-LD is preferred; without
 * one, the title comes from Open Graph, the first `<h1>` or `<title>`, the company from
 * `og:site_name` or the host, and the description is the page's main text.
 * Returns null when the page has no usable title (a sign-in wall, a bot check, an error).
 *
 * The posting's `url` and `externalId` are the URL given: sites often put the employer's
 * id, not the job's, in a JobPosting's `identifier`.
 */
export function parsePostingPage(html: string, url: string): SourcePosting | null {
  const doc = parseDocument(html);
  const meta = readMeta(doc);
  const job = findJobPosting(doc);
  const siteName = meta.get("og:site_name") ?? null;

  const fromLd = job ? fromJobPosting(job) : null;
  const fallback = fallbackTitle(doc, meta, siteName, url);
  const title = fromLd?.title ?? fallback.title;
  if (!title || (!fromLd?.title && isNotAPosting(title))) return null;

  const company =
    fromLd?.company ?? fallback.company ?? siteName?.trim() ?? companyFromUrl(url) ?? null;
  if (!company) return null;
  return {
    externalId: url,
    url,
    ...fromLd?.fields,
    title,
    company,
    description: fromLd?.fields.description ?? mainText(doc),
    location: fromLd?.fields.location ?? fallback.location ?? null,
  };
}

// --- JSON-LD -------------------------------------------------------------------------

function findJobPosting(doc: Document): Json | null {
  const scripts = DomUtils.findAll(
    (el) =>
      el.name === "script" &&
      /^application\/ld\+json$/i.test(DomUtils.getAttributeValue(el, "type")?.trim() ?? ""),
    doc.children,
  );
  for (const script of scripts) {
    const data = parseJsonLenient(DomUtils.textContent(script));
    const found = data === undefined ? null : searchJobPosting(data, 0);
    if (found) return found;
  }
  return null;
}

function parseJsonLenient(text: string): unknown {
  const body = text
    .trim()
    .replace(/^(?:<!--|<!\[CDATA\[)/, "")
    .replace(/(?:-->|\]\]>)$/, "")
    .trim();
  for (const candidate of [
    body,
    // Raw line breaks and tabs inside strings, and trailing commas, are common.
    body.replace(/[\t\n\r\f\v]+/g, " "),
    body.replace(/[\t\n\r\f\v]+/g, " ").replace(/,\s*([}\]])/g, "$1"),
  ]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next repair
    }
  }
  return undefined;
}

function searchJobPosting(value: unknown, depth: number): Json | null {
  if (depth > 6 || !value || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = searchJobPosting(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const object = value as Json;
  const types = ([] as unknown[]).concat(object["@type"] ?? []);
  if (types.some((t) => typeof t === "string" && /(^|[/:])JobPosting$/i.test(t.trim()))) {
    return object;
  }
  for (const key of ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item"]) {
    const found = searchJobPosting(object[key], depth + 1);
    if (found) return found;
  }
  return null;
}

const EMPLOYMENT: Record<string, string> = {
  FULL_TIME: "Full-time",
  PART_TIME: "Part-time",
  CONTRACTOR: "Contract",
  CONTRACT: "Contract",
  TEMPORARY: "Temporary",
  INTERN: "Internship",
  INTERNSHIP: "Internship",
  VOLUNTEER: "Volunteer",
  PER_DIEM: "Per diem",
};

function fromJobPosting(job: Json): {
  title: string | null;
  company: string | null;
  fields: Partial<SourcePosting>;
} {
  const locations = list(job.jobLocation)
    .map(place)
    .filter((p) => p.text);
  const requirements = list(job.applicantLocationRequirements)
    .map((r) => nameOf(r))
    .filter((n): n is string => !!n);
  const remote = list(job.jobLocationType).some(
    (t) => typeof t === "string" && /telecommute|remote/i.test(t),
  );
  const location = locations.length
    ? unique(locations.flatMap((l) => (l.text ? [l.text] : []))).join("; ")
    : requirements.length
      ? unique(requirements).join("; ")
      : null;
  const employment = list(job.employmentType)
    .filter((t): t is string => typeof t === "string" && t.trim() !== "")
    .map((t) => EMPLOYMENT[t.trim().toUpperCase().replace(/[\s-]/g, "_")] ?? t.trim());
  return {
    title: text(job.title) ?? text(job.name),
    company: list(job.hiringOrganization).map(nameOf).find(Boolean) ?? null,
    fields: {
      description: text(job.description),
      location,
      remote: remote ? "remote" : null,
      country: locations.find((l) => l.country)?.country ?? null,
      postedAt: text(job.datePosted),
      employmentType: employment.length ? unique(employment).join(", ") : null,
      ...salary(job.baseSalary ?? job.estimatedSalary),
    },
  };
}

function place(value: unknown): { text: string | null; country: string | null } {
  if (typeof value === "string") return { text: value.trim() || null, country: null };
  if (!value || typeof value !== "object") return { text: null, country: null };
  const object = value as Json;
  const address = object.address;
  if (typeof address === "string") return { text: address.trim() || null, country: null };
  if (address && typeof address === "object" && !Array.isArray(address)) {
    const a = address as Json;
    const country = nameOf(a.addressCountry);
    const parts = unique(
      [text(a.addressLocality), text(a.addressRegion), country].filter(
        (p): p is string => p !== null,
      ),
    );
    return { text: parts.length ? parts.join(", ") : nameOf(object), country };
  }
  return { text: nameOf(object), country: null };
}

const PERIOD: Record<string, string> = {
  YEAR: "year",
  MONTH: "month",
  WEEK: "week",
  DAY: "day",
  HOUR: "hour",
};

function salary(value: unknown): Partial<SourcePosting> {
  const amount = list(value)[0];
  if (amount === undefined || amount === null) return {};
  if (typeof amount === "number" || typeof amount === "string") {
    const n = num(amount);
    return n === null
      ? { salaryText: String(amount).trim() || null }
      : { salaryMin: n, salaryMax: n };
  }
  if (typeof amount !== "object") return {};
  const a = amount as Json;
  const inner = a.value;
  let min: number | null = null;
  let max: number | null = null;
  let unit = text(a.unitText);
  let currency = text(a.currency);
  if (inner && typeof inner === "object" && !Array.isArray(inner)) {
    const v = inner as Json;
    const single = num(v.value);
    min = num(v.minValue) ?? single;
    max = num(v.maxValue) ?? single;
    unit = text(v.unitText) ?? unit;
    currency ??= text(v.currency);
  } else {
    min = num(a.minValue) ?? num(inner);
    max = num(a.maxValue) ?? num(inner);
  }
  if (min === null && max === null) return {};
  return {
    salaryMin: min,
    salaryMax: max,
    currency,
    salaryPeriod: unit ? (PERIOD[unit.toUpperCase()] ?? unit.toLowerCase()) : null,
  };
}

// --- Without JSON-LD ------------------------------------------------------------------

function readMeta(doc: Document): Map<string, string> {
  const meta = new Map<string, string>();
  for (const el of DomUtils.findAll((e) => e.name === "meta", doc.children)) {
    const key = (
      DomUtils.getAttributeValue(el, "property") ?? DomUtils.getAttributeValue(el, "name")
    )?.toLowerCase();
    const content = DomUtils.getAttributeValue(el, "content")?.trim();
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  return meta;
}

/**
 * The title from Open Graph, the first `<h1>` or `<title>`, without the site's name
 * ("Senior Engineer | Acme Careers" → "Senior Engineer"). Job boards' "Acme hiring
 * Senior Engineer in Berlin" titles give the company and location too.
 */
function fallbackTitle(
  doc: Document,
  meta: Map<string, string>,
  siteName: string | null,
  url: string,
): { title: string | null; company: string | null; location: string | null } {
  const h1 = DomUtils.findOne((e) => e.name === "h1", doc.children);
  const titleEl = DomUtils.findOne((e) => e.name === "title", doc.children);
  const candidates = [
    meta.get("og:title"),
    meta.get("twitter:title"),
    h1 ? DomUtils.textContent(h1) : undefined,
    titleEl ? DomUtils.textContent(titleEl) : undefined,
  ];
  const raw = candidates.map((c) => c?.replace(/\s+/g, " ").trim()).find(Boolean);
  if (!raw) return { title: null, company: null, location: null };
  const site = [siteName, hostLabel(url)]
    .filter((s): s is string => !!s)
    .map((s) => s.toLowerCase());
  const pieces = raw.split(/\s+[|–—·-]\s+/);
  while (pieces.length > 1) {
    const last = (pieces[pieces.length - 1] ?? "").toLowerCase();
    if (
      site.some((s) => last.includes(s) || s.includes(last)) ||
      /\b(careers?|jobs)\b/.test(last)
    ) {
      pieces.pop();
    } else break;
  }
  const title = pieces.join(" - ").trim();
  const hiring = title.match(/^(.{1,80}?) (?:is )?hiring (?:an? )?(.{2,120}?)(?: in (.{2,80}))?$/i);
  if (hiring?.[1] && hiring[2]) {
    return {
      title: hiring[2].trim(),
      company: hiring[1].trim(),
      location: hiring[3]?.trim() ?? null,
    };
  }
  return { title: title || null, company: null, location: null };
}

function isNotAPosting(title: string): boolean {
  return /^(?:just a moment|access denied|attention required|forbidden|not found|page not found|error|oops|403|404|500|robot check|security check|are you a robot|captcha|redirecting)\b|\b(?:sign in|log in|login|sign up)\b/i.test(
    title,
  );
}

/** Applicant-tracking hosts whose first path segment (or subdomain) names the company. */
const ATS_PATH =
  /(^|\.)(greenhouse\.io|lever\.co|ashbyhq\.com|workable\.com|smartrecruiters\.com)$/i;
const ATS_SUBDOMAIN =
  /^([\w-]+)\.(recruitee\.com|bamboohr\.com|breezy\.hr|teamtailor\.com|myworkdayjobs\.com|applytojob\.com|workable\.com|personio\.(?:de|com))$/i;

function companyFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  const sub = host.match(ATS_SUBDOMAIN)?.[1];
  if (sub && sub !== "www" && sub !== "apply" && sub !== "jobs") return companyFromBoardName(sub);
  if (ATS_PATH.test(host)) {
    const first = parsed.pathname.split("/").filter(Boolean)[0];
    if (first && first !== "embed") return companyFromBoardName(decodeURIComponent(first));
  }
  const label = hostLabel(url);
  return label ? companyFromBoardName(label) : null;
}

/** "careers.acme.com" → "acme". */
function hostLabel(url: string): string | null {
  try {
    const labels = new URL(url).hostname.toLowerCase().split(".");
    while (
      labels.length > 2 &&
      /^(www\d?|jobs|careers|boards|job-boards|apply|hire|work|m)$/.test(labels[0] ?? "")
    ) {
      labels.shift();
    }
    return labels[0] || null;
  } catch {
    return null;
  }
}

const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "svg",
  "nav",
  "header",
  "footer",
  "form",
  "template",
  "iframe",
  "button",
  "aside",
  "select",
  "head",
  "title",
]);
const BLOCK =
  /^(?:p|div|section|article|main|h[1-6]|ul|ol|li|br|tr|table|dl|dt|dd|blockquote|pre|hr)$/;

/** The page's main text: `<main>`, `<article>` or `role="main"`, else `<body>`, as plain text. */
function mainText(doc: Document): string | null {
  const root =
    DomUtils.findOne(
      (e) => e.name === "main" || DomUtils.getAttributeValue(e, "role") === "main",
      doc.children,
    ) ??
    DomUtils.findOne((e) => e.name === "article", doc.children) ??
    DomUtils.findOne((e) => e.name === "body", doc.children);
  const out: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.type === "text") out.push((node as { data: string }).data.replace(/\s+/g, " "));
      else if (isElement(node)) {
        if (SKIP.has(node.name)) continue;
        const block = BLOCK.test(node.name);
        if (block) out.push("\n");
        walk(node.children);
        if (block) out.push("\n");
      }
    }
  };
  walk(root ? root.children : doc.children);
  const result = out
    .join("")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return result || null;
}

function isElement(node: Node): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

// --- Small readers ----------------------------------------------------------------------

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (value && typeof value === "object" && !Array.isArray(value))
    return text((value as Json).name);
  return null;
}

function num(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() ? Number(value.replace(/[,\s]/g, "")) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

// The labelled corpus of `npm run eval`: Himalayas postings as JSON Lines, each with its
// own `parentCategories` (the relevance labels), and the same postings as an `aura import`
// file without those labels.
import { readFileSync, writeFileSync } from "node:fs";

/** One line of a Himalayas dump (`GET /jobs/api`), as far as the evaluation reads it. */
export interface HimalayasRecord {
  guid?: string | null;
  applicationLink?: string | null;
  title?: string | null;
  companyName?: string | null;
  description?: string | null;
  excerpt?: string | null;
  locationRestrictions?: string[] | null;
  pubDate?: number | null;
  minSalary?: number | null;
  maxSalary?: number | null;
  currency?: string | null;
  salaryPeriod?: string | null;
  employmentType?: string | null;
  seniority?: string[] | null;
  categories?: string[] | null;
  parentCategories?: string[] | null;
}

export interface LabelledPosting {
  /** The posting's URL: the `url` its import line carries, so AURA's result joins back. */
  externalId: string;
  title: string;
  company: string;
  /** As the board gives it: HTML kept. */
  description: string;
  /** The posting's `parentCategories`: the labels, never shown to a ranker. */
  categories: string[];
}

/** A line of an `aura import` file (field names of parse-import-file.ts). */
export interface ImportLine {
  title: string;
  company: string;
  url: string;
  description?: string;
  location?: string;
  remote?: "remote";
  postedAt?: number;
  salaryMin?: number;
  salaryMax?: number;
  currency?: string;
  salaryPeriod?: string;
  employmentType?: string;
  seniority?: string;
}

/** Parsed lines of a JSON Lines file; a line that is not a JSON object is an error. */
export function readHimalayasJsonl(path: string): HimalayasRecord[] {
  const records: HimalayasRecord[] = [];
  readFileSync(path, "utf8")
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === "") return;
      const value: unknown = JSON.parse(line);
      if (!value || typeof value !== "object" || Array.isArray(value)) {
        throw new Error(`${path}:${index + 1}: not a JSON object`);
      }
      records.push(value as HimalayasRecord);
    });
  return records;
}

const HTTP_URL = /^https?:\/\//i;

/** The posting's URL: its applicationLink, else its guid (a Himalayas job page or slug). */
export function postingUrl(record: HimalayasRecord): string {
  const link = record.applicationLink?.trim();
  if (link && HTTP_URL.test(link)) return link;
  const guid = record.guid?.trim();
  if (guid && HTTP_URL.test(guid)) return guid;
  if (guid) return `https://himalayas.app/jobs/${encodeURIComponent(guid)}`;
  throw new Error(`posting "${record.title ?? "?"}" has neither applicationLink nor guid`);
}

/** A record as a labelled posting for the evaluation. */
export function toLabelledPosting(record: HimalayasRecord): LabelledPosting {
  return {
    externalId: postingUrl(record),
    title: record.title?.trim() ?? "",
    company: record.companyName?.trim() ?? "",
    description: record.description ?? record.excerpt ?? "",
    categories: [...new Set(record.parentCategories ?? [])],
  };
}

/** Every posting of a Himalayas JSON Lines file, with its labels. */
export function loadCorpus(path: string): LabelledPosting[] {
  return readHimalayasJsonl(path).map(toLabelledPosting);
}

/**
 * A record as an `aura import` line. The labels (`parentCategories`) and the board's
 * `categories` are left out, and so are tags (Himalayas' own adapter fills tags from both):
 * the ranker must not see them. Himalayas lists remote jobs only, hence `remote`.
 * `salaryPeriod` goes with a salary, so an hourly rate is not read as a year's pay.
 */
export function toImportLine(record: HimalayasRecord): ImportLine {
  const line: ImportLine = {
    title: record.title?.trim() ?? "",
    company: record.companyName?.trim() ?? "",
    url: postingUrl(record),
  };
  const description = record.description ?? record.excerpt;
  if (description) line.description = description;
  const places = (record.locationRestrictions ?? []).filter((p) => p.trim() !== "");
  if (places.length) line.location = places.join(", ");
  line.remote = "remote";
  if (typeof record.pubDate === "number" && Number.isFinite(record.pubDate)) {
    line.postedAt = record.pubDate;
  }
  if (typeof record.minSalary === "number") line.salaryMin = record.minSalary;
  if (typeof record.maxSalary === "number") line.salaryMax = record.maxSalary;
  const hasSalary = line.salaryMin !== undefined || line.salaryMax !== undefined;
  if (record.currency) line.currency = record.currency;
  if (hasSalary && record.salaryPeriod) line.salaryPeriod = record.salaryPeriod;
  if (record.employmentType) line.employmentType = record.employmentType;
  const seniority = (record.seniority ?? []).filter((s) => s.trim() !== "");
  if (seniority.length) line.seniority = seniority.join(", ");
  return line;
}

/** JSON Lines text for `aura import`, one posting a line, labels left out. */
export function toImportJsonl(records: readonly HimalayasRecord[]): string {
  return records.map((r) => `${JSON.stringify(toImportLine(r))}\n`).join("");
}

/** Writes the `aura import` file of a Himalayas JSON Lines file; returns how many lines. */
export function writeImportFile(corpusPath: string, outPath: string): number {
  const records = readHimalayasJsonl(corpusPath);
  writeFileSync(outPath, toImportJsonl(records));
  return records.length;
}

/** File name of a category's persona: "Research & Development" -> "research-and-development". */
export function categorySlug(category: string): string {
  return category
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

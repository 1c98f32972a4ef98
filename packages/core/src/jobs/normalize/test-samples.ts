import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Real board responses and postings for tests of the normalize and dedupe stages
 * (`packages/core/recorded`, and the shared corpus when it is present).
 */
const recordedDir = fileURLToPath(new URL("../../../recorded/", import.meta.url));
const corpusDir = fileURLToPath(new URL("../../../../../../shared/data/corpus/", import.meta.url));

export function recorded<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(`${recordedDir}${file}`, "utf8")) as T;
}

/** One JSON object per line of a corpus file; empty when the corpus is not there. */
export function corpus<T = Record<string, unknown>>(file: string): T[] {
  try {
    return readFileSync(`${corpusDir}${file}`, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as T);
  } catch {
    return [];
  }
}

// Shapes of the recorded boards' items, as far as the tests read them.
export interface HimalayasJob {
  title: string;
  companyName: string;
  description: string;
  employmentType: string;
  minSalary: number | null;
  maxSalary: number | null;
  currency: string | null;
  salaryPeriod: string;
  seniority: string[];
  locationRestrictions: string[];
  categories: string[];
  parentCategories: string[];
  pubDate: number;
  guid: string;
  applicationLink: string;
}
export interface JobicyJob {
  id: number;
  url: string;
  jobTitle: string;
  companyName: string;
  jobIndustry: string[];
  jobType: string[];
  jobGeo: string;
  jobLevel: string;
  jobExcerpt: string;
  jobDescription: string;
  pubDate: string;
  salaryMin: number;
  salaryMax: number;
  salaryCurrency: string;
  salaryPeriod: string;
}
export interface GreenhouseJob {
  id: number;
  absolute_url: string;
  title: string;
  company_name: string;
  content: string;
  location: { name: string };
  first_published: string;
}
export interface RemotiveJob {
  id: number;
  url: string;
  title: string;
  company_name: string;
  job_type: string;
  publication_date: string;
  candidate_required_location: string;
  salary: string;
  description: string;
  tags: string[];
}
export interface RemoteOkJob {
  id: string;
  url: string;
  position: string;
  company: string;
  description: string;
  location: string;
  epoch: number;
  salary_min: number;
  salary_max: number;
  tags: string[];
}
export interface MuseJob {
  id: number;
  name: string;
  contents: string;
  publication_date: string;
  locations: { name: string }[];
  levels: { name: string }[];
  company: { name: string };
  refs: { landing_page: string };
}
export interface ArbeitnowJob {
  slug: string;
  url: string;
  title: string;
  company_name: string;
  description: string;
  remote: boolean;
  location: string;
  job_types: string[];
  tags: string[];
  created_at: number;
}

/** The closed vocabularies of a normalized job. */
export const remoteModes = ["remote", "hybrid", "onsite", "unknown"] as const;
export type RemoteMode = (typeof remoteModes)[number];

export const salaryPeriods = ["year", "month", "week", "day", "hour"] as const;
export type SalaryPeriod = (typeof salaryPeriods)[number];

export const seniorityLevels = [
  "intern",
  "junior",
  "mid",
  "senior",
  "lead",
  "principal",
  "executive",
] as const;
export type Seniority = (typeof seniorityLevels)[number];

export const employmentTypes = [
  "full_time",
  "part_time",
  "contract",
  "internship",
  "temporary",
  "freelance",
] as const;
export type EmploymentType = (typeof employmentTypes)[number];

export interface Salary {
  min: number | null;
  max: number | null;
  /** ISO 4217 code, e.g. "USD". */
  currency: string | null;
  period: SalaryPeriod | null;
  /** min/max converted to a yearly amount in `currency`. */
  minAnnual: number | null;
  maxAnnual: number | null;
}

/** A posting after normalization: clean text and closed vocabularies, ready to store. */
export interface NormalizedPosting {
  externalId: string;
  /** As the board gave it. */
  url: string;
  /** Tracking parameters and fragments stripped; the de-duplication key. */
  canonicalUrl: string;
  title: string;
  company: string;
  /** Clean text: paragraphs separated by blank lines, bullets as "- " lines. */
  description: string;
  location: string | null;
  /** ISO 3166-1 alpha-2, when one country can be told. */
  country: string | null;
  remote: RemoteMode;
  salary: Salary;
  seniority: Seniority | null;
  employmentType: EmploymentType | null;
  postedAt: Date | null;
  /** Lower-case, de-duplicated. */
  tags: string[];
  /** Normalized company and title: the cross-board duplicate key. */
  companyKey: string;
  titleKey: string;
  /** Changes when anything a person would see changes. */
  contentHash: string;
}

// The API's shapes as the pages use them (see /api/openapi.json for the whole contract).

export type LocationMode = "remote" | "hybrid" | "onsite";
export type ExperienceLevel = "student" | "junior" | "mid" | "senior" | "lead";

export interface Preferences {
  roles: string[];
  experienceLevel?: ExperienceLevel;
  locationModes: LocationMode[];
  city?: string;
  includeSkills: string[];
  excludeSkills: string[];
  companyTypes: string[];
  minSalary?: number;
  currency: string;
  batchSize: number;
  searchFrequencyDays: number;
}

export interface Cv {
  fileName: string | null;
  text: string;
  sections: { kind: string; heading: string; text: string }[];
  updatedAt: string | null;
}

export interface JobView {
  id: number;
  title: string;
  company: string;
  url: string;
  sources: { name: string; label: string; url: string }[];
  location: string | null;
  country: string | null;
  remote: string;
  salaryMin: number | null;
  salaryMax: number | null;
  currency: string | null;
  salaryPeriod: string | null;
  seniority: string | null;
  tags: string[];
  skills: string[];
  postedAt: string | null;
  firstSeenAt: string;
  expiredAt: string | null;
}

export interface Rating {
  jobId: number;
  stars: number;
  fit: number | null;
  interest: number | null;
  prestige: number | null;
  location: number | null;
  comment: string | null;
}

export interface Why {
  summary: string;
  matchedSkills: string[];
  missingSkills: string[];
  salary: string;
  location: string;
  seniority: string;
  title: string;
  titleMatches?: boolean;
  match?: number;
  /** How the batch policy chose the job. */
  pick?: {
    policy: "ranker" | "bandit" | "dqn";
    stretch: boolean;
    reason: string | null;
    predictedStars: number | null;
    newSkills: string[];
  };
}

export interface BatchJob {
  position: number;
  score: number;
  job: JobView;
  why: Why | null;
  rating: Rating | null;
}

export interface Batch {
  id: number;
  status: "open" | "locked";
  createdAt: string;
  lockedAt: string | null;
  jobs: BatchJob[];
  complete: boolean;
}

export interface User {
  id: string;
  name: string;
  email: string;
}

export interface SkillPlanItem {
  skill: string;
  score: number;
  likedJobs: number;
  interviewJobs: number;
  dislikedJobs: number;
  demand: number;
  why: string;
  unlocks: { jobId: number; title: string; company: string }[];
}

export interface SkillGap {
  cvSkills: string[];
  basis: "ratings" | "matches";
  likedJobs: number;
  index: number;
  weeks: { week: string; index: number }[];
  plan: SkillPlanItem[];
}

/** Where an application stands: a draft until the person says they sent it. */
export const APPLICATION_STATUSES = [
  "draft",
  "applied",
  "interview1",
  "interview2",
  "offer",
  "rejected",
  "no_response",
  "accepted",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type DocumentKind = "cv" | "letter";

/** A fact the truthfulness guard could not find in the CV, and the sentence it left out. */
export interface GuardFlag {
  document: DocumentKind;
  kind: "employer" | "title" | "date" | "degree" | "number" | "skill" | "name";
  value: string;
  removed: string;
}

/** A line of a tailored document beside the CV line it came from. */
export interface Provenance {
  document: DocumentKind;
  output: string;
  source: string;
  rewritten: boolean;
}

export interface Generation {
  writer: "offline" | "llm";
  language: string;
  flags: GuardFlag[];
  provenance: Provenance[];
  ms: number;
  generatedAt: string;
  previous?: { cv: string; letter: string } | null;
}

export interface Application {
  id: number;
  jobId: number;
  batchId: number | null;
  status: ApplicationStatus;
  job: JobView;
  /** The tailored CV and cover letter, in Markdown. */
  cv: string;
  letter: string;
  generation: Generation;
  addedFacts: string;
  notes: string;
  appliedAt: string | null;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
  /** Waiting on the employer for longer than the reminder interval. */
  reminderDue: boolean;
  remindAt: string | null;
}

export interface ApplicationList {
  applications: Application[];
  remindersDue: number;
  reminderDays: number;
}

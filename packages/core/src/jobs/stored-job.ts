import type { jobs } from "../db/schema.ts";

/** One board that lists a job. */
export interface JobSourceLink {
  /** Registry name, or the name an import gave. */
  source: string;
  /** The posting on that board: where credit links point. */
  url: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** A job's row as read back: every column but the full-text document (large, for SQL only). */
export type JobRow = Omit<typeof jobs.$inferSelect, "searchVector">;
/** A stored job with every board that lists it. */
export type StoredJob = JobRow & { sources: JobSourceLink[] };

import { inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { jobSources, jobs } from "../../db/schema.ts";
import { textSimilarity } from "../dedupe/text-similarity.ts";
import type { NormalizedPosting } from "../job.ts";
import type { DedupeIndex } from "./dedupe-index.ts";

export interface StoreCounts {
  new: number;
  updated: number;
  duplicates: number;
}

export interface StoreOptions {
  /** Registry name of the source, or the import's source name. */
  source: string;
  /** False for imported and pasted postings: nothing re-reads them, so they never expire. */
  live: boolean;
  now: Date;
}

/** Two descriptions at least this similar (shingle containment) are one job. */
const SAME_TEXT = 0.5;
const INSERT_CHUNK = 500;

/**
 * Stores one batch of normalized postings from one source, in one transaction:
 * a posting already linked is touched (or updated when it changed); one whose URL or
 * company + title + text matches a stored job becomes another link of that job;
 * anything else is a new job. The index is updated to match.
 */
export async function storePostings(
  db: Database,
  index: DedupeIndex,
  postings: readonly NormalizedPosting[],
  options: StoreOptions,
): Promise<StoreCounts> {
  const counts: StoreCounts = { new: 0, updated: 0, duplicates: 0 };
  if (postings.length === 0) return counts;
  const { source, live, now } = options;

  await db.transaction(async (tx) => {
    const candidates = await loadCandidates(tx as unknown as Database, index, postings);
    const newJobs: NewJob[] = [];
    const newLinks: NewLink[] = [];
    const changedJobs = new Map<number, NormalizedPosting>();
    const changedLinks: NormalizedPosting[] = [];
    const touchedLinks: number[] = [];
    const seenJobs = new Set<number>();
    // A board listing one id twice in a batch: the first copy counts, the rest are duplicates.
    const inBatch = new Set<string>();
    // Ids of the new jobs are drawn up front so links can point at them in one insert.
    let freshIds: number[] = [];

    for (const posting of postings) {
      if (inBatch.has(posting.externalId)) {
        counts.duplicates++;
        continue;
      }
      inBatch.add(posting.externalId);
      const link = index.link(source, posting.externalId);
      if (link) {
        seenJobs.add(link.jobId);
        if (link.linkId !== null) touchedLinks.push(link.linkId);
        if (link.contentHash === posting.contentHash) {
          counts.duplicates++;
        } else {
          changedJobs.set(link.jobId, posting);
          changedLinks.push(posting);
          link.contentHash = posting.contentHash;
          counts.updated++;
        }
        continue;
      }

      let jobId =
        index.jobByUrl(posting.canonicalUrl) ?? findSameJob(index, candidates, posting, source);
      if (jobId === undefined) {
        if (freshIds.length === 0)
          freshIds = await nextJobIds(tx as unknown as Database, postings.length);
        jobId = freshIds.shift() as number;
        newJobs.push({ id: jobId, ...jobColumns(posting) });
        index.addJob(jobId, posting.companyKey, posting.titleKey);
        candidates.set(jobId, posting);
        counts.new++;
      } else {
        seenJobs.add(jobId);
        counts.duplicates++;
      }
      newLinks.push({
        jobId,
        source,
        externalId: posting.externalId,
        url: posting.url,
        canonicalUrl: posting.canonicalUrl,
        live,
        contentHash: posting.contentHash,
      });
      index.addLink(source, posting.externalId, posting.canonicalUrl, {
        linkId: null,
        jobId,
        contentHash: posting.contentHash,
      });
    }

    for (let i = 0; i < newJobs.length; i += INSERT_CHUNK) {
      await insertJobs(tx as unknown as Database, newJobs.slice(i, i + INSERT_CHUNK), now);
    }
    for (let i = 0; i < newLinks.length; i += INSERT_CHUNK) {
      await insertLinks(tx as unknown as Database, newLinks.slice(i, i + INSERT_CHUNK), now);
    }
    for (const [jobId, posting] of changedJobs) {
      await tx
        .update(jobs)
        .set({ ...jobColumns(posting), updatedAt: now })
        .where(sql`${jobs.id} = ${jobId}`);
    }
    for (const posting of changedLinks) {
      await tx
        .update(jobSources)
        .set({
          contentHash: posting.contentHash,
          url: posting.url,
          canonicalUrl: posting.canonicalUrl,
        })
        .where(
          sql`${jobSources.source} = ${source} and ${jobSources.externalId} = ${posting.externalId}`,
        );
    }
    await markSeen(tx as unknown as Database, touchedLinks, seenJobs, now);
  });
  return counts;
}

/** Marks links of postings that were seen but not stored (too old to keep) as still listed. */
export async function touchLinks(
  db: Database,
  index: DedupeIndex,
  source: string,
  externalIds: readonly string[],
  now: Date,
): Promise<number> {
  const linkIds: number[] = [];
  const jobIds = new Set<number>();
  for (const id of externalIds) {
    const link = index.link(source, id);
    if (link?.linkId != null) {
      linkIds.push(link.linkId);
      jobIds.add(link.jobId);
    }
  }
  if (linkIds.length === 0) return 0;
  await db.transaction((tx) => markSeen(tx as unknown as Database, linkIds, jobIds, now));
  return linkIds.length;
}

/** Links and jobs a board still lists: seen now, and no longer expired. */
async function markSeen(
  db: Database,
  linkIds: readonly number[],
  jobIds: ReadonlySet<number>,
  now: Date,
): Promise<void> {
  if (linkIds.length > 0) {
    await db
      .update(jobSources)
      .set({ lastSeenAt: now })
      .where(inArray(jobSources.id, [...linkIds]));
  }
  if (jobIds.size > 0) {
    await db
      .update(jobs)
      .set({ lastSeenAt: now, expiredAt: null })
      .where(inArray(jobs.id, [...jobIds]));
  }
}

type Candidate = Pick<NormalizedPosting, "title" | "description" | "location" | "country">;

/**
 * A stored job with the same company and title key is the same job when it is in a
 * compatible place and its text is the same (one board may truncate it). Two known,
 * different countries are two openings; so is one board listing the role twice for
 * two different locations.
 */
function findSameJob(
  index: DedupeIndex,
  candidates: Map<number, Candidate>,
  posting: NormalizedPosting,
  source: string,
): number | undefined {
  for (const jobId of index.jobsByKey(posting.companyKey, posting.titleKey)) {
    const job = candidates.get(jobId);
    if (!job) continue;
    if (job.country && posting.country && job.country !== posting.country) continue;
    // "Sales Engineer (France)" and "Sales Engineer (UK)" share a title key but are two openings.
    const tails = [titleTail(job.title), titleTail(posting.title)];
    if (tails[0] && tails[1] && tails[0] !== tails[1]) continue;
    if (
      index.jobHasSource(jobId, source) &&
      job.location &&
      posting.location &&
      placeKey(job.location) !== placeKey(posting.location)
    ) {
      continue;
    }
    // Boards that give no text can only be matched on company, title and place.
    if (wordCount(job.description) < 5 || wordCount(posting.description) < 5) return jobId;
    if (textSimilarity(job.description, posting.description) >= SAME_TEXT) return jobId;
  }
  return undefined;
}

async function loadCandidates(
  db: Database,
  index: DedupeIndex,
  postings: readonly NormalizedPosting[],
): Promise<Map<number, Candidate>> {
  const ids = new Set<number>();
  for (const posting of postings) {
    for (const id of index.jobsByKey(posting.companyKey, posting.titleKey)) ids.add(id);
  }
  const candidates = new Map<number, Candidate>();
  if (ids.size === 0) return candidates;
  const rows = await db
    .select({
      id: jobs.id,
      title: jobs.title,
      description: jobs.description,
      location: jobs.location,
      country: jobs.country,
    })
    .from(jobs)
    .where(inArray(jobs.id, [...ids]));
  for (const { id, ...candidate } of rows) candidates.set(id, candidate);
  return candidates;
}

/** Words in a title's trailing qualifier that do not name a place or a team. */
const NEUTRAL_TAIL =
  /^(?:remote|hybrid|on-?site|wfh|anywhere|worldwide|global|full[- ]?time|part[- ]?time|contract|[mfwdhx](?:\s*\/\s*[mfwdhx]){1,3}|all genders?|w\/m\/d|m\/w\/d|\*)$/i;

/**
 * A title's trailing qualifier, "(France)" or "- Majors (UK)", lower-cased, unless it only
 * says remote, a contract type or gender markers.
 */
function titleTail(title: string): string | null {
  const match = title.match(/\(([^()]*)\)\s*$/) ?? title.match(/\s[-–—|]\s([^-–—|]+)$/);
  const tail = match?.[1]?.toLowerCase().replace(/\s+/g, " ").trim();
  if (!tail) return null;
  const words = tail.split(/\s*[,;]\s*/).filter((part) => !NEUTRAL_TAIL.test(part));
  return words.length ? words.join(",") : null;
}

function placeKey(location: string): string {
  return location
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

async function nextJobIds(db: Database, count: number): Promise<number[]> {
  const result = (await db.execute(
    sql`select nextval(pg_get_serial_sequence('jobs', 'id'))::bigint as id from generate_series(1, ${count})`,
  )) as unknown as { rows: { id: string | number }[] };
  return result.rows.map((row) => Number(row.id));
}

type NewJob = ReturnType<typeof jobColumns> & { id: number };
type NewLink = Pick<
  typeof jobSources.$inferInsert,
  "jobId" | "source" | "externalId" | "url" | "canonicalUrl" | "live" | "contentHash"
>;

/*
 * Bulk inserts go through one JSON parameter and jsonb_to_recordset: one statement a
 * batch on both drivers, without building thousands of bound parameters per insert.
 */
async function insertJobs(db: Database, rows: NewJob[], now: Date): Promise<void> {
  await db.execute(sql`
    insert into jobs (id, title, company, url, description, location, country, remote,
      salary_min, salary_max, currency, salary_period, salary_min_annual, salary_max_annual,
      seniority, employment_type, tags, posted_at, company_key, title_key, content_hash,
      first_seen_at, last_seen_at)
    select r.id, r.title, r.company, r.url, r.description, r.location, r.country, r.remote,
      r."salaryMin", r."salaryMax", r.currency, r."salaryPeriod", r."salaryMinAnnual", r."salaryMaxAnnual",
      r.seniority, r."employmentType", array(select jsonb_array_elements_text(r.tags)), r."postedAt",
      r."companyKey", r."titleKey", r."contentHash", r.seen, r.seen
    from jsonb_to_recordset(${JSON.stringify(rows.map((row) => ({ ...row, seen: now })))}::jsonb) as r(
      id bigint, title text, company text, url text, description text, location text, country text,
      remote text, "salaryMin" float8, "salaryMax" float8, currency text, "salaryPeriod" text,
      "salaryMinAnnual" float8, "salaryMaxAnnual" float8, seniority text, "employmentType" text,
      tags jsonb, "postedAt" timestamptz, "companyKey" text, "titleKey" text, "contentHash" text,
      seen timestamptz)
  `);
}

async function insertLinks(db: Database, rows: NewLink[], now: Date): Promise<void> {
  await db.execute(sql`
    insert into job_sources (job_id, source, external_id, url, canonical_url, live, content_hash,
      first_seen_at, last_seen_at)
    select r."jobId", r.source, r."externalId", r.url, r."canonicalUrl", r.live, r."contentHash", r.seen, r.seen
    from jsonb_to_recordset(${JSON.stringify(rows.map((row) => ({ ...row, seen: now })))}::jsonb) as r(
      "jobId" bigint, source text, "externalId" text, url text, "canonicalUrl" text, live boolean,
      "contentHash" text, seen timestamptz)
  `);
}

function jobColumns(posting: NormalizedPosting) {
  return {
    title: posting.title,
    company: posting.company,
    url: posting.canonicalUrl,
    description: posting.description,
    location: posting.location,
    country: posting.country,
    remote: posting.remote,
    salaryMin: posting.salary.min,
    salaryMax: posting.salary.max,
    currency: posting.salary.currency,
    salaryPeriod: posting.salary.period,
    salaryMinAnnual: posting.salary.minAnnual,
    salaryMaxAnnual: posting.salary.maxAnnual,
    seniority: posting.seniority,
    employmentType: posting.employmentType,
    tags: posting.tags,
    postedAt: posting.postedAt,
    companyKey: posting.companyKey,
    titleKey: posting.titleKey,
    contentHash: posting.contentHash,
  };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

import type { Database } from "../../db/client.ts";
import { jobSources, jobs } from "../../db/schema.ts";

interface LinkEntry {
  linkId: number | null;
  jobId: number;
  contentHash: string;
}

/**
 * What de-duplication needs to know about stored jobs, held in memory for one ingest:
 * links by (source, id), jobs by canonical URL, and jobs by company + title key.
 * A few bytes a job, so 100k jobs cost a few MB.
 */
export class DedupeIndex {
  private readonly links = new Map<string, LinkEntry>();
  private readonly byUrl = new Map<string, number>();
  private readonly byKey = new Map<string, number[]>();
  private readonly sourcesByJob = new Map<number, Set<string>>();

  static async load(db: Database): Promise<DedupeIndex> {
    const index = new DedupeIndex();
    const jobRows = await db
      .select({ id: jobs.id, companyKey: jobs.companyKey, titleKey: jobs.titleKey })
      .from(jobs);
    for (const row of jobRows) index.addJob(row.id, row.companyKey, row.titleKey);
    const linkRows = await db
      .select({
        id: jobSources.id,
        jobId: jobSources.jobId,
        source: jobSources.source,
        externalId: jobSources.externalId,
        canonicalUrl: jobSources.canonicalUrl,
        contentHash: jobSources.contentHash,
      })
      .from(jobSources);
    for (const row of linkRows) {
      index.addLink(row.source, row.externalId, row.canonicalUrl, {
        linkId: row.id,
        jobId: row.jobId,
        contentHash: row.contentHash,
      });
    }
    return index;
  }

  link(source: string, externalId: string): LinkEntry | undefined {
    return this.links.get(linkKey(source, externalId));
  }

  jobByUrl(canonicalUrl: string): number | undefined {
    return this.byUrl.get(canonicalUrl);
  }

  jobsByKey(companyKey: string, titleKey: string): readonly number[] {
    return this.byKey.get(`${companyKey}\u0000${titleKey}`) ?? [];
  }

  addJob(jobId: number, companyKey: string, titleKey: string): void {
    const key = `${companyKey}\u0000${titleKey}`;
    const list = this.byKey.get(key);
    if (list) list.push(jobId);
    else this.byKey.set(key, [jobId]);
  }

  /** Whether a board already lists this job (under another id). */
  jobHasSource(jobId: number, source: string): boolean {
    return this.sourcesByJob.get(jobId)?.has(source) ?? false;
  }

  addLink(source: string, externalId: string, canonicalUrl: string, entry: LinkEntry): void {
    this.links.set(linkKey(source, externalId), entry);
    const sources = this.sourcesByJob.get(entry.jobId);
    if (sources) sources.add(source);
    else this.sourcesByJob.set(entry.jobId, new Set([source]));
    if (!this.byUrl.has(canonicalUrl)) this.byUrl.set(canonicalUrl, entry.jobId);
  }
}

function linkKey(source: string, externalId: string): string {
  return `${source}\u0000${externalId}`;
}

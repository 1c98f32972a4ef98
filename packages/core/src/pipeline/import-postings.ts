import type { Database } from "../db/client.ts";
import { ingestRuns } from "../db/schema.ts";
import { normalizePosting } from "../jobs/normalize/normalize-posting.ts";
import { DedupeIndex } from "../jobs/store/dedupe-index.ts";
import { storePostings } from "../jobs/store/store-postings.ts";
import { detectImportFormat, parseImportFile } from "../sources/import/parse-import-file.ts";
import type { SourcePosting } from "../sources/types.ts";
import { type IngestTotals, sumStats } from "./ingest.ts";

export interface ImportSummary {
  totals: IngestTotals;
  /** Lines that could not be imported, with why. */
  rejected: { line: number; reason: string }[];
}

/** Source name of imported postings that do not name their own. */
export const IMPORT_SOURCE = "import";

/**
 * `aura import FILE`: postings a person or another tool already has, as JSON Lines or
 * CSV. Any age is kept. Bad lines are reported with their line numbers; good ones stored.
 */
export async function importPostings(
  db: Database,
  input: { content: string; fileName: string; source?: string; now?: Date },
): Promise<ImportSummary> {
  const started = Date.now();
  const now = input.now ?? new Date();
  const format = detectImportFormat(input.fileName, input.content);
  const parsed = parseImportFile(input.content, format);
  const bySource = new Map<string, SourcePosting[]>();
  for (const row of parsed.postings) {
    const source = input.source ?? row.source ?? IMPORT_SOURCE;
    const list = bySource.get(source);
    if (list) list.push(row.posting);
    else bySource.set(source, [row.posting]);
  }
  const counts: IngestTotals[] = [];
  // One file, one transaction: an import is stored whole or not at all.
  await db.transaction(async (tx) => {
    const index = await DedupeIndex.load(tx as unknown as Database);
    for (const [source, postings] of bySource) {
      const stored = await storePostings(
        tx as unknown as Database,
        index,
        postings.map((p) => normalizePosting(p, now)),
        { source, live: false, now },
      );
      counts.push({ fetched: postings.length, skipped: 0, errors: 0, ...stored });
    }
  });
  const totals = sumStats(counts);
  totals.fetched += parsed.errors.length;
  totals.skipped += parsed.errors.length;
  const summary: ImportSummary = { totals, rejected: parsed.errors };
  await db.insert(ingestRuns).values({
    startedAt: new Date(started),
    finishedAt: new Date(),
    summary: { import: input.fileName, ...summary },
    durationMs: Date.now() - started,
  });
  return summary;
}

import type { Database } from "../db/client.ts";
import { type EmbedJobsSummary, embedJobs } from "../embed/embed-jobs.ts";
import type { Embedder } from "../embed/embedder.ts";
import { ensureVectorIndex } from "../embed/vector-search.ts";
import type { Logger } from "../log/logger.ts";
import { currentLexicalIndex, saveLexicalIndex } from "../rank/lexical-index.ts";
import { refreshTermStats } from "../rank/lexical-search.ts";
import { refreshJobSkills } from "../skills/job-skills.ts";

export interface EmbedAndIndexSummary extends EmbedJobsSummary {
  /** Where vectors are searched: an HNSW index in the database, or one built in process. */
  vectorIndex: "pgvector" | "in-process";
  /** Live jobs in the lexical statistics. */
  indexedJobs: number;
}

/**
 * The embed and index stages: vectors for new and changed jobs, the vector index for the
 * model, each job's skills, the term statistics and the BM25 index ranking reads.
 */
export async function embedAndIndex(
  db: Database,
  embedder: Embedder,
  options: {
    onProgress?(done: number, total: number): void;
    /** Where the in-process indexes are saved: BM25's, and vectors' without pgvector. */
    cacheDir?: string;
    /** The stage's counts and duration (structured). */
    log?: Logger;
  } = {},
): Promise<EmbedAndIndexSummary> {
  const started = Date.now();
  const summary = await embedJobs(db, embedder, { onProgress: options.onProgress });
  const vectorIndex = await ensureVectorIndex(db, embedder.modelId, embedder.dimension, {
    cacheDir: options.cacheDir,
    analyze: summary.embedded > 0,
  });
  await refreshJobSkills(db);
  const stats = await refreshTermStats(db);
  if (options.cacheDir && !(await currentLexicalIndex(db, options.cacheDir))) {
    await saveLexicalIndex(db, options.cacheDir);
  }
  const result = { ...summary, vectorIndex, indexedJobs: stats.docCount };
  options.log?.info(
    {
      event: "embed",
      model: embedder.modelId,
      embedded: summary.embedded,
      vectorIndex,
      indexedJobs: stats.docCount,
      durationMs: Date.now() - started,
    },
    "embedded and indexed",
  );
  return result;
}

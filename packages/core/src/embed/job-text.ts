/**
 * What AURA embeds of a job: its title, tags and the start of its text, as one chunk.
 *
 * Why not the whole text: USE lite reads ~128 tokens per chunk and costs ~65 ms per 80-word
 * chunk on one core, so whole descriptions (10+ chunks) would make 1,000 new jobs take minutes.
 * Lexical retrieval reads every word anyway; the vector carries the gist, which the title and
 * the opening words hold. Changing this recipe changes `JOB_TEXT_RECIPE`, which re-embeds.
 */
export const JOB_TEXT_RECIPE = "title-tags-lead60@1";

const LEAD_WORDS = 60;

export interface EmbeddableJob {
  title: string;
  tags: readonly string[];
  description: string;
}

export function jobEmbeddingText(job: EmbeddableJob): string {
  const lead = job.description.split(/\s+/u).filter(Boolean).slice(0, LEAD_WORDS).join(" ");
  const tags = job.tags.slice(0, 12).join(", ");
  return [job.title.trim(), tags, lead].filter((part) => part.length > 0).join(". ");
}

/** Identifies the embedded text of a job without storing it: the recipe and the job's hash. */
export function jobTextHash(contentHash: string): string {
  return `${JOB_TEXT_RECIPE}:${contentHash}`;
}

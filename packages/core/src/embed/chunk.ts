import { type Embedder, normalizeInPlace } from "./embedder.ts";

/** Words per chunk: USE lite reads ~128 tokens, and job text runs ~1.5 tokens a word. */
export const DEFAULT_CHUNK_WORDS = 80;

/** Chunks per `embed` call in `embedLong`. */
export const DEFAULT_EMBED_BATCH = 16;

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

function words(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word.length > 0);
}

/** A paragraph as sentences of at most `maxWords` words (a longer sentence is cut by words). */
function sentenceUnits(paragraph: string, maxWords: number): string[][] {
  const units: string[][] = [];
  for (const { segment } of sentences.segment(paragraph)) {
    const sentence = words(segment);
    for (let start = 0; start < sentence.length; start += maxWords) {
      units.push(sentence.slice(start, start + maxWords));
    }
  }
  return units;
}

/**
 * Splits `text` into chunks of at most `maxWords` words, cutting between sentences and
 * preferring paragraph breaks (blank lines): sentences are packed greedily, and a paragraph
 * starts a new chunk once the current one is half full. Whitespace inside a chunk becomes single
 * spaces. Empty or whitespace-only text gives no chunks.
 */
export function chunkText(text: string, maxWords = DEFAULT_CHUNK_WORDS): string[] {
  const limit = Math.max(1, Math.floor(maxWords));
  const chunks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) chunks.push(current.join(" "));
    current = [];
  };
  for (const paragraph of text.split(/\n\s*\n/u)) {
    if (current.length >= limit / 2) flush();
    for (const unit of sentenceUnits(paragraph, limit)) {
      if (current.length + unit.length > limit) flush();
      current.push(...unit);
    }
  }
  flush();
  return chunks;
}

export interface EmbedLongOptions {
  maxWords?: number;
  /** Chunks per `embedder.embed` call. */
  batchSize?: number;
}

/**
 * One vector per text of any length: each text is cut with `chunkText`, every chunk embedded
 * (in batches across all texts), and a text's chunk vectors averaged and scaled back to unit
 * length. A text without words gets the zero vector, like `Embedder.embed` on empty text.
 */
export async function embedLong(
  embedder: Embedder,
  texts: string[],
  options: EmbedLongOptions = {},
): Promise<Float32Array[]> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_EMBED_BATCH);
  const chunks = texts.flatMap((text, owner) =>
    chunkText(text, options.maxWords).map((chunk) => ({ owner, chunk })),
  );
  const pooled: Float32Array[] = texts.map(() => new Float32Array(embedder.dimension));
  for (let start = 0; start < chunks.length; start += batchSize) {
    const batch = chunks.slice(start, start + batchSize);
    const vectors = await embedder.embed(batch.map((item) => item.chunk));
    batch.forEach((item, i) => {
      const sum = pooled[item.owner];
      const vector = vectors[i];
      if (!sum || !vector) return;
      for (let d = 0; d < sum.length; d++) sum[d] = (sum[d] ?? 0) + (vector[d] ?? 0);
    });
  }
  // The mean points the same way as the sum: normalizing the sum is mean-pooling.
  return pooled.map(normalizeInPlace);
}

/**
 * A sentence encoder: texts in, one vector per text out.
 *
 * Vectors have `dimension` entries and unit L2 length, so cosine similarity is a dot product.
 * Text with nothing to read (empty or whitespace only) gets the zero vector: it is similar to
 * nothing, and callers should skip storing or indexing it.
 */
export interface Embedder {
  /** Names the model and its weights; stored beside every vector it makes. */
  modelId: string;
  dimension: number;
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** Scales `vector` in place to unit length; the zero vector stays zero. */
export function normalizeInPlace(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const x of vector) sum += x * x;
  if (sum > 0) {
    const scale = 1 / Math.sqrt(sum);
    for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) * scale;
  }
  return vector;
}

/** Cosine similarity; 0 when either vector is zero. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

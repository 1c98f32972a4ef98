import { foldAccents } from "../../shared/fold.ts";

const SHINGLE = 3;
const MIN_WORDS = 5;

/**
 * How much two descriptions are the same text, in [0, 1]: the share of the
 * shorter text's word 3-shingles (lower-case, accents and punctuation stripped)
 * that the longer one also has, |A∩B| / min(|A|,|B|). Containment rather than
 * Jaccard because boards truncate (one may keep only the first ~800 characters)
 * and add or drop boilerplate: a true prefix scores 1. Zero when either text has
 * fewer than 5 words. Linear in the texts' length.
 */
export function textSimilarity(a: string, b: string): number {
  const first = shingles(a);
  const second = shingles(b);
  if (first === null || second === null) return 0;
  const [small, large] = first.size <= second.size ? [first, second] : [second, first];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / small.size;
}

function shingles(text: string): Set<string> | null {
  const words = typeof text === "string" ? wordsOf(text) : [];
  if (words.length < MIN_WORDS) return null;
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    set.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  }
  return set;
}

function wordsOf(text: string): string[] {
  return foldAccents(text.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

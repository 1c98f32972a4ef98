import { decodeHTML } from "entities";

const MAX_TAG_LENGTH = 60;
const MAX_TAGS = 40;

/**
 * Hyphens and underscores between two words of two or more letters become spaces,
 * so "Customer-Success-Manager", "customer_success" and "Customer Success" agree,
 * and so do "full-stack" and "Full Stack". Joins with a single letter or a number
 * are kept: "e-commerce", "x-ray", "covid-19", "utf-8". Dots, slashes and symbols
 * are kept too: "node.js", "ci/cd", "c++", "c#".
 */
const WORD_JOIN = /(?<=\p{L}{2})[-_]+(?=\p{L}{2})/gu;

/**
 * Tags as AURA stores them: entities decoded ("Project &amp; Program Management"),
 * lower-case, trimmed, spaces collapsed, word joins as above; empty tags and tags
 * over 60 characters dropped; duplicates removed keeping the first; at most 40.
 */
export function normalizeTags(tags: readonly unknown[] | null | undefined): string[] {
  if (!Array.isArray(tags)) return [];
  const seen = new Set<string>();
  for (const raw of tags) {
    if (typeof raw !== "string") continue;
    const tag = normalizeTag(raw);
    if (tag === "" || tag.length > MAX_TAG_LENGTH || seen.has(tag)) continue;
    seen.add(tag);
    if (seen.size === MAX_TAGS) break;
  }
  return [...seen];
}

export function normalizeTag(raw: string): string {
  return decodeHTML(raw)
    .toLowerCase()
    .replace(WORD_JOIN, " ")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

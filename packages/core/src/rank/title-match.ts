/**
 * How well a job title matches the roles a person seeks, or (without roles) the CV's wording.
 * Words are compared after folding case, plurals and level words ("Senior", "II"), which say
 * nothing about the kind of work.
 */

const LEVEL_WORDS = new Set([
  "senior",
  "sr",
  "junior",
  "jr",
  "lead",
  "principal",
  "staff",
  "head",
  "chief",
  "associate",
  "intern",
  "internship",
  "trainee",
  "entry",
  "level",
  "mid",
  "i",
  "ii",
  "iii",
  "iv",
  "remote",
  "hybrid",
  "m",
  "f",
  "d",
  "w",
  "x",
  "contract",
  "freelance",
  "part",
  "full",
  "time",
]);
const STOP_WORDS = new Set([
  "a",
  "an",
  "and",
  "the",
  "of",
  "for",
  "to",
  "in",
  "on",
  "at",
  "with",
  "or",
  "as",
  "by",
  "de",
  "y",
  "e",
  "und",
  "la",
  "el",
  "our",
  "we",
  "you",
  "your",
  "new",
]);

/** Content words of a title or text: lower-case, plural "s" folded, level and stop words out. */
export function titleWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}+#.]*/gu) ?? [];
  return words
    .map((word) => word.replace(/\.+$/u, ""))
    .filter((word) => !LEVEL_WORDS.has(word) && !STOP_WORDS.has(word))
    .map(stem);
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
    return word.slice(0, -1);
  }
  return word;
}

export interface TitleMatch {
  /** 0..1 */
  value: number;
  verdict: string;
}

/** Share of the title's words found in `role` and of the role's in the title (Dice). */
function overlap(title: string[], role: string[]): number {
  if (title.length === 0 || role.length === 0) return 0;
  const titleSet = new Set(title);
  const roleSet = new Set(role);
  let shared = 0;
  for (const word of roleSet) if (titleSet.has(word)) shared++;
  return (2 * shared) / (titleSet.size + roleSet.size);
}

/** Word counts of a CV, for `titleMatch` without roles. */
export function cvWordCounts(cvText: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of titleWords(cvText)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

export function titleMatch(
  jobTitle: string,
  roles: readonly string[],
  cvCounts: Map<string, number>,
): TitleMatch {
  const title = titleWords(jobTitle);
  if (title.length === 0) return { value: 0, verdict: "title says little" };
  if (roles.length > 0) {
    let best = 0;
    let bestRole = "";
    for (const role of roles) {
      const score = overlap(title, titleWords(role));
      if (score > best) {
        best = score;
        bestRole = role;
      }
    }
    if (best === 0) return { value: 0, verdict: `title matches none of your roles` };
    return { value: best, verdict: `title ${best >= 0.99 ? "is" : "is close to"} "${bestRole}"` };
  }
  // No roles: how much of the title the CV speaks of (a word said twice counts fully).
  let sum = 0;
  const found: string[] = [];
  for (const word of new Set(title)) {
    const seen = Math.min(1, (cvCounts.get(word) ?? 0) / 2);
    sum += seen;
    if (seen > 0) found.push(word);
  }
  const value = sum / new Set(title).size;
  return {
    value,
    verdict:
      found.length > 0
        ? `title words in your CV: ${found.join(", ")}`
        : "title words not in your CV",
  };
}

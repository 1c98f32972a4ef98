// Text to index terms for the BM25 baseline: lower-case, accents folded, split on
// anything but letters and digits, English stopwords dropped, Porter-stemmed.

/** English stopwords (NLTK's list, with apostrophes removed, plus a few contractions). */
const STOPWORDS = new Set(
  (
    "a about above after again against ain all am an and any are aren arent as at be because " +
    "been before being below between both but by can cant couldn couldnt d did didn didnt do " +
    "does doesn doesnt doing don dont down during each few for from further had hadn hadnt has " +
    "hasn hasnt have haven havent having he her here hers herself him himself his how i if in " +
    "into is isn isnt it its itself just ll m ma me mightn mightnt more most mustn mustnt my " +
    "myself needn neednt no nor not now o of off on once only or other our ours ourselves out " +
    "over own re s same shan shant she shes should shouldn shouldnt shouldve so some such t " +
    "than that thatll the their theirs them themselves then there these they theyre this those " +
    "through to too under until up ve very was wasn wasnt we were weren werent weve what when " +
    "where which while who whom why will with won wont wouldn wouldnt y you youd youll your " +
    "youre yours yourself yourselves youve im ive id ill also us etc via per"
  ).split(" "),
);

/** One-letter tokens worth keeping: programming languages. */
const SHORT_KEEP = new Set(["c", "r"]);

/**
 * Index terms of a text. "C++", "C#", "F#" and ".NET" become `cplusplus`, `csharp`,
 * `fsharp` and `dotnet`, and "Node.js"-style names lose the dot (`nodejs`), so they survive
 * the split. Tokens of letters only are Porter-stemmed; tokens with digits ("s3", "ec2")
 * are kept as they are; tokens without a letter (plain numbers) are dropped.
 */
export function tokenize(text: string): string[] {
  const folded = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['\u2019]s\b/g, "")
    .replace(/['\u2019]/g, "")
    .replace(/c\+\+/g, " cplusplus ")
    .replace(/(^|[^a-z0-9])([cf])#/g, (_, before: string, letter: string) =>
      letter === "c" ? `${before} csharp ` : `${before} fsharp `,
    )
    .replace(/\.net\b/g, " dotnet ")
    .replace(/\b([a-z0-9]+)\.js\b/g, "$1js");
  const terms: string[] = [];
  for (const token of folded.split(/[^a-z0-9]+/)) {
    if (token === "" || STOPWORDS.has(token) || !/[a-z]/.test(token)) continue;
    if (token.length < 2 && !SHORT_KEEP.has(token)) continue;
    terms.push(/^[a-z]+$/.test(token) ? porterStem(token) : token);
  }
  return terms;
}

// Porter's stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980), as in his
// reference C version (which maps -bli to -ble and -logi to -log in step 2).

function isConsonant(word: string, i: number): boolean {
  const c = word[i];
  if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
  if (c === "y") return i === 0 || !isConsonant(word, i - 1);
  return true;
}

/** m in [C](VC)^m[V]: the number of vowel-consonant sequences. */
function measure(stem: string): number {
  let m = 0;
  let i = 0;
  while (i < stem.length && isConsonant(stem, i)) i++;
  while (i < stem.length) {
    while (i < stem.length && !isConsonant(stem, i)) i++;
    if (i >= stem.length) break;
    while (i < stem.length && isConsonant(stem, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

function endsDoubleConsonant(stem: string): boolean {
  const n = stem.length;
  return n >= 2 && stem[n - 1] === stem[n - 2] && isConsonant(stem, n - 1);
}

/** Ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow"). */
function endsCvc(stem: string): boolean {
  const n = stem.length;
  if (n < 3) return false;
  if (!isConsonant(stem, n - 3) || isConsonant(stem, n - 2) || !isConsonant(stem, n - 1)) {
    return false;
  }
  const last = stem[n - 1];
  return last !== "w" && last !== "x" && last !== "y";
}

/** The first rule whose suffix the word ends with decides; it applies when m(stem) > min. */
function replaceSuffix(word: string, rules: readonly [string, string][], minMeasure: number) {
  for (const [suffix, replacement] of rules) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    return measure(stem) > minMeasure ? stem + replacement : word;
  }
  return word;
}

const STEP2: [string, string][] = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["izer", "ize"],
  ["bli", "ble"],
  ["alli", "al"],
  ["entli", "ent"],
  ["eli", "e"],
  ["ousli", "ous"],
  ["ization", "ize"],
  ["ation", "ate"],
  ["ator", "ate"],
  ["alism", "al"],
  ["iveness", "ive"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["aliti", "al"],
  ["iviti", "ive"],
  ["biliti", "ble"],
  ["logi", "log"],
];

const STEP3: [string, string][] = [
  ["icate", "ic"],
  ["ative", ""],
  ["alize", "al"],
  ["iciti", "ic"],
  ["ical", "ic"],
  ["ful", ""],
  ["ness", ""],
];

const STEP4 = [
  "al",
  "ance",
  "ence",
  "er",
  "ic",
  "able",
  "ible",
  "ant",
  "ement",
  "ment",
  "ent",
  "ion",
  "ou",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
];

/** Porter stem of a lower-case word of letters a–z; words of one or two letters are kept. */
export function porterStem(input: string): string {
  if (input.length <= 2) return input;
  let w = input;

  // Step 1a: plurals.
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.slice(0, -2);
  else if (!w.endsWith("ss") && w.endsWith("s")) w = w.slice(0, -1);

  // Step 1b: -eed, -ed, -ing.
  if (w.endsWith("eed")) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else {
    const suffix = w.endsWith("ed") ? "ed" : w.endsWith("ing") ? "ing" : null;
    if (suffix && hasVowel(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
      else if (endsDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
      else if (measure(w) === 1 && endsCvc(w)) w += "e";
    }
  }

  // Step 1c: y -> i after a vowel somewhere in the stem.
  if (w.endsWith("y") && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;

  w = replaceSuffix(w, STEP2, 0);
  w = replaceSuffix(w, STEP3, 0);

  // Step 4: drop a suffix when m(stem) > 1 (-ion only after s or t).
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, w.length - suffix.length);
    if (suffix === "ion" && !/[st]$/.test(stem)) continue;
    if (measure(stem) > 1) w = stem;
    break;
  }

  // Step 5a: final -e.
  if (w.endsWith("e")) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) w = stem;
  }
  // Step 5b: -ll -> -l when m > 1.
  if (measure(w) > 1 && endsDoubleConsonant(w) && w.endsWith("l")) w = w.slice(0, -1);

  return w;
}

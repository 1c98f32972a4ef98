import { foldAccents } from "../shared/fold.ts";
import { extractSkills, skillMentions } from "../skills/extract-skills.ts";

/**
 * The truthfulness guard every writer's output passes through: each employer, title, date,
 * degree, number and skill in a document must be found in the person's CV or in text they
 * added. A line (or sentence) holding anything else is left out of the document and reported,
 * so a writer, however it was prompted or whatever a posting told it, cannot put a claim in a
 * person's mouth.
 */

export type FactKind = "employer" | "title" | "date" | "degree" | "number" | "skill" | "name";

export interface GuardFlag {
  kind: FactKind;
  /** The unsupported fact as written. */
  value: string;
  /** The line or sentence left out because of it. */
  removed: string;
}

export interface Evidence {
  /** Folded (lower case, no accents) text of every source. */
  folded: string;
  words: Set<string>;
  numbers: Set<string>;
  skills: Set<string>;
  /** Phrases the writer may always use: the person's name, the target company and role, dates. */
  allowed: string[];
}

export function fold(text: string): string {
  return foldAccents(text).toLocaleLowerCase("en");
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’.&+#-]*[\p{L}\p{M}+#]|[\p{L}]/gu;
const NUMBER = /\d+(?:[.,]\d+)*/g;

function numberKey(value: string): string {
  return value.replace(/[.,]/g, "").replace(/^0+(?=\d)/, "");
}

/**
 * What a document may state: the sources (CV, added text) and the phrases that name the target
 * or come from the writer's own template (`templateText`, whose words are never facts).
 */
export function buildEvidence(sources: string[], allowed: string[], templateText = ""): Evidence {
  const text = sources.join("\n");
  const folded = fold(text);
  const words = new Set<string>();
  for (const source of [folded, fold(templateText), fold(allowed.join(" "))]) {
    for (const word of source.match(WORD) ?? []) {
      words.add(word);
      // "PostgreSQL.Don't" holds "postgresql" and "don't": a guard check may see either alone.
      for (const separators of [/[./&]/, /[./&-]/, /[./&'’-]/]) {
        for (const part of word.split(separators)) if (part) words.add(part);
      }
    }
  }
  const numbers = new Set<string>();
  for (const value of text.match(NUMBER) ?? []) {
    numbers.add(numberKey(value));
    for (const part of value.split(/[.,]/)) numbers.add(numberKey(part));
  }
  return {
    folded,
    words,
    numbers,
    // Read twice: "done.System administration" hides a skill that a line of its own shows.
    skills: new Set([
      ...extractSkills(text),
      ...extractSkills(text.replace(/([.;:,\\|])(?=\S)/g, "$1 ")),
    ]),
    allowed: allowed.map((phrase) => phrase.trim()).filter((phrase) => phrase.length > 1),
  };
}

const DEGREE =
  /\b(bachelor'?s?|master'?s?|masters|ph\.?\s?d|doctorate|doctoral|mba|b\.?\s?sc|m\.?\s?sc|b\.?a\.|m\.?a\.|b\.?eng|m\.?eng|associate'?s? degree|licenciatur[ao]|licenciad[oa]|bacharelado|bacharel|mestrado|mestre|maestr[ií]a|m[aá]ster|doutorado|doctorado|grado en|tecn[oó]logo|graduad[oa]|p[oó]s-gradua[cç][aã]o|posgrado|diploma)\b/giu;

const MONTHS =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|mar[cç]o|maio|junho|julho|setembro|outubro|novembro|dezembro)\b/giu;

const ROLE_WORD =
  /(engineer|developer|manager|director|lead|head|architect|analyst|designer|scientist|consultant|specialist|officer|intern|administrator|coordinator|programador|desenvolvedor|desarrollador|ingenier|engenheir|gerente|analista|diretor|director)/i;
const EMPLOYER_BEFORE =
  /\b(at|for|with|joined|from|em|na|no|pela|pelo|en|para|con|junto a|trabajé en|trabalhei na|trabalhei no)\s*$/i;

/**
 * Capitalised words that start sentences or fill letters without stating a fact: the guard
 * does not ask the CV for them. Facts (names of employers, titles, schools) are not in here.
 */
const COMMON = new Set(
  `i me my mine we our us you your yours he she they it its this that these those there here
  the a an and or but so yet if as at by for from in into of on onto to up with without over
  under during after before since while when where why how what which who whom whose also
  additionally moreover furthermore finally first second third then next currently previously
  recently today now later again always often still just only both each every all any some
  most more many much few several other another such same new own
  is am are was were be been being have has had do does did will would can could shall should
  may might must
  dear hello hi greetings kind best warm regards sincerely yours faithfully thank thanks truly
  respectfully cordially
  led built developed designed managed created implemented improved delivered worked drove
  owned launched reduced increased collaborated mentored wrote maintained migrated automated
  optimized optimised supported established introduced coordinated analysed analyzed
  researched trained taught helped ran handled achieved contributed partnered scaled shipped
  refactored integrated tested deployed architected oversaw spearheaded streamlined
  responsible experienced skilled proven passionate strong solid extensive hands-on
  looking eager excited pleased happy glad keen interested confident convinced sure
  please let looking forward
  el la los las un una unos unas y o pero si como en de del al con sin por para sobre entre
  durante desde hasta cuando donde porque que quien cual este esta estos estas ese esa mi mis
  su sus tu tus nuestro nuestra yo nosotros usted ustedes estimado estimada estimados
  estimadas saludos atentamente cordialmente gracias muchas quedo quedo atento atenta
  o a os as um uma uns umas e mas se como em no na nos nas do da dos das ao aos com sem por
  pelo pela para sobre entre durante desde até quando onde porque que quem qual este esta
  estes estas esse essa meu minha meus minhas seu sua seus suas eu nós você vocês prezado
  prezada prezados prezadas atenciosamente cordialmente obrigado obrigada agradeço`
    .split(/\s+/)
    .filter(Boolean),
);

function masked(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

/** Blanks every occurrence of the allowed phrases (case and accents ignored). */
function maskAllowed(text: string, allowed: string[]): string {
  let out = text;
  const folded = fold(text);
  // NFKD folding can change lengths; mask only when it did not, by position in the folded text.
  if (folded.length !== text.length) return out;
  for (const phrase of allowed) {
    const needle = fold(phrase);
    let at = folded.indexOf(needle);
    while (at >= 0) {
      out = masked(out, at, at + needle.length);
      at = folded.indexOf(needle, at + needle.length);
    }
  }
  return out;
}

/** The first unsupported fact in a piece of text, or null when every fact is found. */
export function unsupportedFact(
  text: string,
  evidence: Evidence,
): { kind: FactKind; value: string } | null {
  let rest = maskAllowed(text, evidence.allowed);
  // Skills first: a supported skill written the posting's way ("Node.js" for "NodeJS") is fine.
  const mentions = skillMentions(rest);
  for (const mention of mentions) {
    if (!evidence.skills.has(mention.skill)) {
      return { kind: "skill", value: rest.slice(mention.start, mention.end) };
    }
  }
  for (const mention of mentions) rest = masked(rest, mention.start, mention.end);

  for (const match of rest.matchAll(DEGREE)) {
    if (!evidence.folded.includes(fold(match[0]).replace(/\s+/g, " "))) {
      return { kind: "degree", value: match[0] };
    }
  }
  for (const match of rest.matchAll(MONTHS)) {
    if (!evidence.words.has(fold(match[0]))) return { kind: "date", value: match[0] };
  }
  for (const match of rest.matchAll(NUMBER)) {
    if (!evidence.numbers.has(numberKey(match[0]))) {
      return { kind: /^(19|20)\d\d$/.test(match[0]) ? "date" : "number", value: match[0] };
    }
  }
  for (const match of rest.matchAll(WORD)) {
    const word = match[0];
    if (!/^\p{Lu}/u.test(word)) continue;
    const key = fold(word);
    if (evidence.words.has(key) || COMMON.has(key)) continue;
    const bare = key.replace(/[.'’&+#-]+$/g, "");
    if (evidence.words.has(bare) || COMMON.has(bare)) continue;
    const before = rest.slice(Math.max(0, (match.index ?? 0) - 24), match.index ?? 0);
    const after = rest.slice((match.index ?? 0) + word.length, (match.index ?? 0) + 40);
    const kind: FactKind = EMPLOYER_BEFORE.test(before)
      ? "employer"
      : ROLE_WORD.test(word) || ROLE_WORD.test(after.split(/[,.;]/)[0] ?? "")
        ? "title"
        : "name";
    return { kind, value: word };
  }
  return null;
}

const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\d"“«(])/u;

/**
 * A paragraph's sentences. A full stop after an abbreviation ("U.S.", "e.g.", "Inc.") or a
 * short word does not end one: cutting there would leave half a sentence behind.
 */
function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(SENTENCE_END)) {
    const previous = out.at(-1);
    const lastWord = previous?.match(/(\S+)\.$/u)?.[1] ?? "";
    if (
      previous !== undefined &&
      (/^\p{L}{1,3}$/u.test(lastWord) || /\p{L}\.\p{L}/u.test(lastWord))
    ) {
      out[out.length - 1] = `${previous} ${piece}`;
    } else {
      out.push(piece);
    }
  }
  return out;
}
const LINE_MARK = /^(\s*(?:#{1,6}\s+|[-*+]\s+|\d{1,3}[.)]\s+|>\s*)?)(.*)$/u;

/**
 * The document with every line (or, in a paragraph, every sentence) that states an
 * unsupported fact left out, and what was left out and why. Blank lines are kept; a heading
 * whose section lost all its lines stays (the writer's template decides headings).
 */
export function guardMarkdown(
  markdown: string,
  evidence: Evidence,
): { markdown: string; flags: GuardFlag[] } {
  const flags: GuardFlag[] = [];
  const out: string[] = [];
  for (const line of markdown.split("\n")) {
    const [, mark = "", body = ""] = LINE_MARK.exec(line) ?? [];
    if (!body.trim()) {
      out.push(line);
      continue;
    }
    const plain = (value: string) => value.replace(/[*_`[\]]/g, " ").replace(/\]\([^)]*\)/g, " ");
    const sentences = mark.trim() === "" ? sentencesOf(body) : [body];
    const kept: string[] = [];
    for (const sentence of sentences) {
      const fact = unsupportedFact(plain(sentence), evidence);
      if (fact) flags.push({ ...fact, removed: sentence.trim() });
      else kept.push(sentence);
    }
    if (kept.length > 0) out.push(mark + kept.join(" "));
  }
  return { markdown: out.join("\n").replace(/\n{3,}/g, "\n\n"), flags };
}

import { foldAccents } from "../../shared/fold.ts";
import type { Seniority } from "../job.ts";

export interface SeniorityInput {
  /** The board's level(s): "Mid-level", "Senior Level", "Entry-level, Mid-level", ["Senior"]... */
  hint?: string | readonly string[] | null;
  title: string;
}

/** Board values, accent-free and lower-case, with hyphens and underscores as spaces. */
const HINTS: Record<string, Seniority | null> = {
  intern: "intern",
  internship: "intern",
  trainee: "intern",
  student: "intern",
  "working student": "intern",
  werkstudent: "intern",
  praktikum: "intern",
  apprentice: "intern",
  apprenticeship: "intern",
  "entry level": "junior",
  entry: "junior",
  junior: "junior",
  jr: "junior",
  graduate: "junior",
  "new grad": "junior",
  "early career": "junior",
  berufseinstieg: "junior",
  associate: "junior",
  "mid level": "mid",
  mid: "mid",
  midweight: "mid",
  "mid weight": "mid",
  "mid senior level": "mid",
  "mid senior": "mid",
  intermediate: "mid",
  experienced: "mid",
  "professional experienced": "mid",
  berufserfahren: "mid",
  pleno: "mid",
  "semi senior": "mid",
  senior: "senior",
  "senior level": "senior",
  sr: "senior",
  expert: "senior",
  lead: "lead",
  "team lead": "lead",
  "tech lead": "lead",
  staff: "lead",
  principal: "principal",
  distinguished: "principal",
  director: "executive",
  "director level": "executive",
  executive: "executive",
  "executive level": "executive",
  "c level": "executive",
  vp: "executive",
  "vice president": "executive",
  head: "executive",
  // A manager can be a first-line lead or a senior leader: the title must say which.
  manager: null,
  management: null,
  "manager level": null,
};

/** Title keywords by level, most senior first: "Senior Director" is an executive. */
const TITLE_RULES: [Seniority, RegExp][] = [
  [
    "executive",
    /\b(?:head of|director|directora?|diretora?|vp|svp|evp|avp|vice[\s-]president|chief|c[\s-]?level|cxo|ceo|cto|cfo|coo|cio|cmo|cpo|ciso|geschaftsfuhrer(?:in)?|managing partner|general manager)\b/,
  ],
  [
    "intern",
    /\b(?:intern|interns|internship|trainee|werkstudent(?:in)?|working student|praktikum|praktikant(?:in)?|estagiari[oa]|estagio|becari[oa]|pasante|apprentice(?:ship)?|co[\s-]?op)\b/,
  ],
  ["principal", /\b(?:principal|distinguished|fellow engineer)\b/],
  [
    "lead",
    /\b(?:lead(?![\s-]+(?:generation|gen)\b)|tech lead|team lead|teamleiter(?:in)?|teamleitung|staff(?=[\s-]+(?:software|engineer|developer|data|machine|ml|ai|product|designer|scientist|researcher|security|frontend|front[\s-]end|backend|back[\s-]end|full[\s-]?stack|infrastructure|platform|site|sre|devops|mobile|ios|android|applied|research|ux|cloud|systems?)\b)|lider|lideranca|jefe de)\b/,
  ],
  ["senior", /\b(?:senior|sr|snr|senior[\s-]level|architect|arquitet[oa]|arquitect[oa])\b/],
  [
    "mid",
    /\b(?:mid(?![\s-]+market)|mid[\s-]level|midlevel|intermediate|pleno|semi[\s-]?senior|ssr|medior)\b/,
  ],
  [
    "junior",
    /\b(?:junior|jr|entry[\s-]level|graduate|new grad|grad|associate(?=[\s-]+(?:software|engineer|developer|data|scientist|analyst|designer|product|consultant|researcher|programmer|qa|test|web|frontend|backend|full[\s-]?stack|mobile|ios|android|cloud|devops|security|ux|ui|marketing|account|attorney|accountant)\b)|einsteiger)\b/,
  ],
];

/**
 * A job's level. The board's hint decides when it names one level; several
 * ("Entry-level, Mid-level") are settled by the title when it names one of them,
 * else the first is taken. "Manager" alone says nothing. Otherwise the title's
 * words decide, most senior first (word boundaries, case- and accent-insensitive,
 * English, German, Spanish, Portuguese):
 *
 * - executive: head of, director, VP, vice president, chief, C-level titles
 * - intern: intern(ship), trainee, Werkstudent, Praktikum, estagiário, becario
 * - principal: principal, distinguished
 * - lead: lead, tech/team lead, staff (before an engineering or design word:
 *   "Staff Accountant" is not a lead)
 * - senior: senior, sr, sênior, architect (an architect is a senior IC), "III"
 * - mid: mid(-level), intermediate, pleno, semi-senior, "II"
 * - junior: junior, jr, júnior, entry-level, graduate, new grad, associate before
 *   a role word ("Associate Engineer"; "Sales Associate" says nothing), "I"
 *
 * Roman numerals count only in upper case. Null when nothing is said.
 */
export function detectSeniority(input: SeniorityInput): Seniority | null {
  const fromTitle = seniorityFromTitle(typeof input.title === "string" ? input.title : "");
  const hinted = hintLevels(input.hint);
  if (hinted.length === 1) return hinted[0] as Seniority;
  if (hinted.length > 1)
    return fromTitle && hinted.includes(fromTitle) ? fromTitle : (hinted[0] as Seniority);
  return fromTitle;
}

/** The distinct levels a board's hint names, in its order. */
function hintLevels(hint: SeniorityInput["hint"]): Seniority[] {
  if (hint == null) return [];
  const values = typeof hint === "string" ? hint.split(/[,;/|]/) : [...hint];
  const levels: Seniority[] = [];
  for (const value of values) {
    if (typeof value !== "string") continue;
    const key = foldAccents(value.toLowerCase())
      .replace(/[-_]+/g, " ")
      .replace(/[^a-z ]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    const level = HINTS[key] ?? HINTS[key.replace(/ level$/, "")] ?? null;
    if (level && !levels.includes(level)) levels.push(level);
  }
  return levels;
}

function seniorityFromTitle(title: string): Seniority | null {
  // Roman numerals are matched on the original case; words on a folded copy.
  const folded = foldAccents(title.toLowerCase());
  for (const [level, pattern] of TITLE_RULES) {
    if (pattern.test(folded) || romanNumeralsMatch(level, title)) return level;
  }
  return null;
}

const ROMAN: Partial<Record<Seniority, RegExp>> = {
  senior: /\b(?:III|IV|V)\b/,
  mid: /\bII\b/,
  junior: /\bI\b(?=\s*(?:$|[,(|–-]))/,
};

function romanNumeralsMatch(level: Seniority, title: string): boolean {
  const pattern = ROMAN[level];
  return pattern ? pattern.test(title) : false;
}

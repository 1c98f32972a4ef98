import { foldAccents } from "../../shared/fold.ts";
import type { EmploymentType } from "../job.ts";

/**
 * Board values by type, checked in this order so that the more specific wins:
 * "Full-time contract" is a contract, "Temporary full time" is temporary.
 * Matched on lower-case, accent-free text with "-", "_" and camelCase as spaces.
 */
const VALUE_RULES: [EmploymentType, RegExp][] = [
  [
    "internship",
    /\b(?:intern|internship|praktikum|praktikant|trainee|estagio|pasantia|becario|co op|apprenticeship)\b/,
  ],
  [
    "freelance",
    /\b(?:freelance|freelancer|freelancing|freie mitarbeit|freiberuflich|autonomo|self employed)\b/,
  ],
  ["contract", /\b(?:contract|contractor|contracting|contract to hire|c2c|corp to corp|1099|pj)\b/],
  ["temporary", /\b(?:temporary|temp|seasonal|befristet|fixed term|interim|temporal|temporario)\b/],
  [
    "part_time",
    /\b(?:part time|parttime|teilzeit|medio tiempo|media jornada|tiempo parcial|meio periodo|meio expediente|working student|werkstudent|minijob|side job|nebenjob)\b/,
  ],
  [
    "full_time",
    /\b(?:full time|fulltime|permanent|festanstellung|feste anstellung|vollzeit|tiempo completo|jornada completa|tempo integral|integral|clt|regular|salaried|unbefristet)\b/,
  ],
];

/**
 * In a title only explicit markers count: "Contract Manager" manages contracts,
 * "(Contract)" or "- Contract" says how the job is held.
 */
const TITLE_RULES: [EmploymentType, RegExp][] = [
  [
    "internship",
    /\b(?:intern|internship|praktikum|praktikant(?:in)?|estagio|estagiari[oa]|becari[oa]|pasantia)\b/,
  ],
  ["freelance", /\b(?:freelance|freelancer)\b/],
  [
    "contract",
    /[([]\s*(?:contract|contractor|contract[\s-]to[\s-]hire|1099|c2c|pj)\s*[)\]]|[-|–—,]\s*(?:contract|contractor)\s*$|\b(?:contract[\s-]to[\s-]hire|contract (?:role|position|basis))\b/,
  ],
  ["temporary", /[([]\s*(?:temp|befristet)\s*[)\]]|\b(?:temporary|seasonal)\b/],
  ["part_time", /\b(?:part[\s-]?time|teilzeit|werkstudent(?:in)?|working student|minijob)\b/],
  ["full_time", /\b(?:full[\s-]?time|vollzeit)\b/],
];

/**
 * A job's employment type from the board's value or values ("Full Time",
 * "full_time", "FullTime", "Permanent", "Vollzeit", "CLT", "Part-time",
 * "Contractor", "PJ", "Internship", "Befristet", "Freelance", ...); a list takes
 * its first value that names a type. When the board says nothing usable, explicit
 * markers in the title ("(Contract)", "Part-time", "Internship", "Freelance").
 * "Working student" / "Werkstudent" is part-time work. Null when unknown.
 */
export function normalizeEmploymentType(
  value: string | readonly string[] | null | undefined,
  title?: string | null,
): EmploymentType | null {
  const values =
    typeof value === "string" ? value.split(/[,;/|]/) : Array.isArray(value) ? value : [];
  for (const item of values) {
    if (typeof item !== "string") continue;
    const type = firstMatch(VALUE_RULES, prepare(item));
    if (type) return type;
  }
  return typeof title === "string"
    ? firstMatch(TITLE_RULES, foldAccents(title.toLowerCase()))
    : null;
}

function firstMatch(rules: [EmploymentType, RegExp][], text: string): EmploymentType | null {
  if (text === "") return null;
  for (const [type, pattern] of rules) if (pattern.test(text)) return type;
  return null;
}

function prepare(text: string): string {
  return foldAccents(text.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase())
    .replace(/[-_]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

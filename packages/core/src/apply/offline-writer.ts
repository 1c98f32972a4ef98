import { skillMentions } from "../skills/extract-skills.ts";
import type { LetterLanguage } from "./language.ts";
import type { CvLine, ParsedCv } from "./parse-cv.ts";

/** The job a document is written for. Its text is untrusted: only its skills' wording is used. */
export interface WriterJob {
  title: string;
  company: string;
  description: string;
  language: LetterLanguage;
}

export interface WriterPerson {
  name: string;
  email: string | null;
}

/** Where an output line came from: the CV line it was chosen (and maybe reworded) from. */
export interface Provenance {
  document: "cv" | "letter";
  output: string;
  source: string;
  rewritten: boolean;
}

export interface WriterInput {
  person: WriterPerson;
  cv: ParsedCv;
  job: WriterJob;
  /** Relevance of each CV line to the job (line id → score; higher is closer). */
  relevance: ReadonlyMap<string, number>;
  today: Date;
  /** The CV's own language, for its section headings (the letter takes the posting's). */
  cvLanguage?: LetterLanguage;
  /** Facts the person added beside the CV, shown in a section of their own. */
  addedFacts?: string;
}

export interface WrittenDocuments {
  cv: string;
  letter: string;
  provenance: Provenance[];
}

/** The words of the offline letter and CV, per language. */
const WORDING: Record<
  LetterLanguage,
  {
    summary: string;
    skills: string;
    experience: string;
    matching: string;
    alsoSkills: string;
    added: string;
    greeting: (company: string) => string;
    applying: (title: string, company: string) => string;
    asks: (skills: string) => string;
    noMatch: string;
    examples: string;
    closing: (company: string) => string;
    signOff: string;
  }
> = {
  en: {
    summary: "Summary",
    skills: "Skills",
    experience: "Experience",
    matching: "Matching this role",
    alsoSkills: "Also",
    added: "Additional information",
    greeting: (company) => `Dear ${company} hiring team,`,
    applying: (title, company) => `I am applying for the ${title} role at ${company}.`,
    asks: (skills) => `The role asks for ${skills}, and my work so far has been built on them.`,
    noMatch: "I believe my experience carries over well to it.",
    examples: "Some of what I have done that fits this role:",
    closing: (company) =>
      `I would welcome a conversation about how I could contribute to ${company}. Thank you for your time and consideration.`,
    signOff: "Kind regards,",
  },
  es: {
    summary: "Resumen",
    skills: "Habilidades",
    experience: "Experiencia",
    matching: "Para este puesto",
    alsoSkills: "Además",
    added: "Información adicional",
    greeting: (company) => `Estimado equipo de selección de ${company}:`,
    applying: (title, company) =>
      `Les escribo para postularme al puesto de ${title} en ${company}.`,
    asks: (skills) => `El puesto pide ${skills}, y mi trabajo hasta hoy se ha apoyado en ello.`,
    noMatch: "Creo que mi experiencia encaja bien con él.",
    examples: "Algunas cosas que he hecho y que encajan con este puesto:",
    closing: (company) =>
      `Me encantaría conversar sobre cómo puedo contribuir a ${company}. Gracias por su tiempo y consideración.`,
    signOff: "Atentamente,",
  },
  pt: {
    summary: "Resumo",
    skills: "Competências",
    experience: "Experiência",
    matching: "Para esta vaga",
    alsoSkills: "Também",
    added: "Informações adicionais",
    greeting: (company) => `Prezada equipe de recrutamento da ${company},`,
    applying: (title, company) => `Escrevo para me candidatar à vaga de ${title} na ${company}.`,
    asks: (skills) => `A vaga pede ${skills}, e meu trabalho até aqui tem se apoiado nisso.`,
    noMatch: "Acredito que minha experiência se encaixa bem nela.",
    examples: "Algumas coisas que fiz e que se encaixam nesta vaga:",
    closing: (company) =>
      `Gostaria muito de conversar sobre como posso contribuir com a ${company}. Obrigado pelo seu tempo e consideração.`,
    signOff: "Atenciosamente,",
  },
};

/** Every word the offline templates may write in a language (never a fact to check). */
export function templateText(language: LetterLanguage): string {
  const w = WORDING[language];
  return [
    w.summary,
    w.skills,
    w.experience,
    w.matching,
    w.alsoSkills,
    w.added,
    w.greeting(""),
    w.applying("", ""),
    w.asks(""),
    w.noMatch,
    w.examples,
    w.closing(""),
    w.signOff,
  ].join(" ");
}

/** Text from a posting made safe to print as a label: one line, no markup, not too long. */
/** Control and invisible format characters (zero-width, bidi overrides) that can hide text; joiners stay (emoji). */
export const INVISIBLE = /(?![\n\t\u200d])[\p{Cc}\p{Cf}]/gu;

export function labelFromPosting(text: string, max = 90): string {
  const clean = text
    .replace(INVISIBLE, " ")
    .replace(/[#*_`[\]<>|\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).trim();
}

/** The first spelling of each skill in a text: canonical name → as written. */
function spellings(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const mention of skillMentions(text)) {
    if (!out.has(mention.skill)) out.set(mention.skill, text.slice(mention.start, mention.end));
  }
  return out;
}

const letters = (text: string) => text.toLocaleLowerCase("en").replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The posting's spelling of a skill, only where it is the skill's own one-word name and the CV
 * writes it another way ("PostgreSQL" for "Postgres", "Kubernetes" for "k8s"). Anything else
 * keeps the CV's words: a phrase ("month-end close"), a more precise name ("CSS3",
 * "AngularJS"), a plural, or a posting's own variant ("Advanced Excel").
 */
function preferredSpelling(skill: string, cvForm: string, jobForm: string | undefined): string {
  if (jobForm !== skill || /\s/.test(cvForm.trim()) || /\s/.test(skill)) return cvForm;
  const a = letters(cvForm);
  const b = letters(jobForm);
  if (a === b || a.startsWith(b) || (b.startsWith(a) && b.length - a.length <= 1)) return cvForm;
  return jobForm;
}

/** A CV line with its skills spelled the way the posting spells them (see preferredSpelling). */
function mirrored(line: string, jobSpelling: ReadonlyMap<string, string>): string {
  const mentions = skillMentions(line);
  let out = "";
  let from = 0;
  for (const mention of mentions) {
    // "CCPA/CPRA" names one skill twice: rewriting would make it "CCPA/CCPA".
    if (mentions.filter((other) => other.skill === mention.skill).length > 1) continue;
    const written = line.slice(mention.start, mention.end);
    const wanted = preferredSpelling(mention.skill, written, jobSpelling.get(mention.skill));
    if (wanted === written) continue;
    out += line.slice(from, mention.start) + wanted;
    from = mention.end;
  }
  return out + line.slice(from);
}

/** "Tools: Spring, JSON, REST, MySQL…" lists tools; it is not something the person did. */
function isList(text: string): boolean {
  const commas = text.split(",").length - 1;
  return commas >= 4 && commas / text.split(/\s+/).length > 0.2;
}

function listFormat(language: LetterLanguage, items: string[]): string {
  return new Intl.ListFormat(language, { style: "long", type: "conjunction" }).format(items);
}

/** A sub-heading line ("Areas of responsibility:") means nothing once lines are reordered. */
function isLeadIn(line: CvLine): boolean {
  return /:$/.test(line.text) && line.text.length < 48;
}

/**
 * Writes a tailored CV and a cover letter from the person's own CV lines, with no model and
 * no key: it chooses and orders their lines and skills by relevance to the job, spells their
 * skills as the posting does, and fills a short letter in the posting's language.
 */
export function writeOffline(input: WriterInput): WrittenDocuments {
  const { cv, job, person, relevance } = input;
  const w = WORDING[job.language];
  const heads = WORDING[input.cvLanguage ?? job.language];
  const provenance: Provenance[] = [];
  const score = (line: CvLine) => relevance.get(line.id) ?? 0;
  const jobSpelling = spellings(`${job.title}\n${job.description}`);
  const cvText = cv.lines.map((line) => line.text).join("\n");
  const cvSpelling = spellings(
    [cv.headline ?? "", cvText, ...cv.experience.map((e) => e.header)].join("\n"),
  );
  const spell = (skill: string) =>
    preferredSpelling(skill, cvSpelling.get(skill) ?? skill, jobSpelling.get(skill));
  const use = (document: Provenance["document"], line: CvLine): string => {
    const output = mirrored(line.text, jobSpelling);
    provenance.push({ document, output, source: line.text, rewritten: output !== line.text });
    return output;
  };
  const byRelevance = (lines: CvLine[]) =>
    lines.filter((line) => !isLeadIn(line)).sort((a, b) => score(b) - score(a));
  /** List items are chosen and ordered by relevance; prose keeps its order and every line. */
  const tailored = (lines: CvLine[], keep: number) =>
    lines.length > 0 && lines.every((line) => line.bulleted)
      ? byRelevance(lines).slice(0, Math.max(keep, Math.ceil(lines.length * 0.6)))
      : lines;

  const name = person.name || cv.name || "";
  const cvOut: string[] = [];
  if (name) cvOut.push(`# ${name}`, "");
  if (cv.headline) cvOut.push(cv.headline, "");
  const contact = [...cv.contact];
  if (person.email && !contact.some((c) => c.includes(person.email ?? ""))) {
    contact.push(person.email);
  }
  if (contact.length > 0) cvOut.push(contact.join(" · "), "");

  if (cv.summary.length > 0) {
    cvOut.push(`## ${heads.summary}`, "");
    for (const line of cv.summary) cvOut.push(use("cv", line), "");
  }

  const matching = cv.skills.filter((skill) => jobSpelling.has(skill));
  const others = cv.skills.filter((skill) => !jobSpelling.has(skill));
  if (cv.skillLines.length > 0 || cv.skills.length > 0) {
    cvOut.push(`## ${cv.skillsHeading || heads.skills}`, "");
    if (matching.length > 0)
      cvOut.push(`**${heads.matching}:** ${matching.map(spell).join(", ")}`, "");
    if (cv.skillLines.length > 0) {
      // The person's own skills lines, as they wrote them.
      for (const line of cv.skillLines) {
        cvOut.push(`- ${line.text}`);
        provenance.push({ document: "cv", output: line.text, source: line.text, rewritten: false });
      }
      cvOut.push("");
    } else if (others.length > 0) {
      const label = matching.length > 0 ? `**${heads.alsoSkills}:** ` : "";
      cvOut.push(`${label}${others.map((skill) => cvSpelling.get(skill) ?? skill).join(", ")}`, "");
    }
  }

  if (cv.experience.length > 0) {
    cvOut.push(`## ${cv.experienceHeading || heads.experience}`, "");
    cv.experience.forEach((entry, index) => {
      const heading = [entry.header, entry.dates].filter(Boolean).join(" · ");
      if (heading) cvOut.push(`### ${heading}`, "");
      // Recent roles keep more of their list items; each role's closest come first.
      for (const line of tailored(entry.lines, index < 2 ? 8 : 5))
        cvOut.push(`- ${use("cv", line)}`);
      cvOut.push("");
    });
  }

  for (const block of cv.blocks) {
    if (block.lines.length === 0) continue;
    cvOut.push(`## ${block.heading}`, "");
    const lines = block.kind === "projects" ? tailored(block.lines, 6) : block.lines;
    for (const line of lines) cvOut.push(`- ${use("cv", line)}`);
    cvOut.push("");
  }
  const added = (input.addedFacts ?? "")
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-*•]\s*/, "").trim())
    .filter(Boolean);
  if (added.length > 0) {
    cvOut.push(`## ${heads.added}`, "", ...added.map((line) => `- ${line}`), "");
  }

  // The letter: its facts are the job's name and the person's own best lines.
  const title = labelFromPosting(job.title);
  const company = labelFromPosting(job.company, 60);
  // Achievements read as sentences: longer lines first, never tool lists or pasted blocks.
  const candidates = byRelevance(cv.experience.flatMap((entry) => entry.lines)).filter(
    (line, i, all) =>
      !isList(line.text) &&
      line.text.length <= 300 &&
      all.findIndex((o) => o.text === line.text) === i,
  );
  const words = (line: CvLine) => line.text.split(/\s+/).length;
  const examples = [
    ...candidates.filter((line) => words(line) >= 12),
    ...candidates.filter((line) => words(line) >= 6 && words(line) < 12),
  ].slice(0, 3);
  const date = new Intl.DateTimeFormat(job.language, { dateStyle: "long" }).format(input.today);
  const letter: string[] = [];
  if (name) letter.push(`# ${name}`, "");
  if (contact.length > 0) letter.push(contact.join(" · "), "");
  // The rule ends the letterhead: the date and the letter are body text.
  if (name || contact.length > 0) letter.push("---", "");
  letter.push(date, "", w.greeting(company), "");
  const shownSkills = matching.slice(0, 4).map(spell);
  letter.push(
    `${w.applying(title, company)} ${
      shownSkills.length > 0 ? w.asks(listFormat(job.language, shownSkills)) : w.noMatch
    }`,
    "",
  );
  if (examples.length > 0) {
    letter.push(w.examples, "");
    for (const line of examples) letter.push(`- ${use("letter", line)}`);
    letter.push("");
  }
  letter.push(w.closing(company), "", w.signOff, "", name);
  return {
    cv: `${cvOut.join("\n").trim()}\n`,
    letter: `${letter.join("\n").trim()}\n`,
    provenance,
  };
}

/** The phrases a letter may always use: the person's name, the target, today's date. */
export function allowedPhrases(input: Omit<WriterInput, "relevance" | "cv">): string[] {
  return [
    input.person.name,
    input.person.email ?? "",
    labelFromPosting(input.job.title),
    labelFromPosting(input.job.company, 60),
    new Intl.DateTimeFormat(input.job.language, { dateStyle: "long" }).format(input.today),
  ].filter(Boolean);
}

import { type CvSectionKind, cvSections, spacedLetters } from "../profile/cv-sections.ts";
import { extractSkills } from "../skills/extract-skills.ts";

/**
 * A CV cut into what a tailored CV is rebuilt from: the person's own lines, verbatim, each
 * with an id, so a writer can only choose and order them (and the guard can trace them).
 */
export interface CvLine {
  id: string;
  text: string;
  section: CvSectionKind;
  /** Written as a list item (its order among its neighbours carries no meaning). */
  bulleted: boolean;
}

/** A job (or project) the CV lists: its header line as written and its lines. */
export interface CvEntry {
  /** The header without its dates ("Backend developer, Acme (Berlin)"). */
  header: string;
  /** The dates as written ("2017 – 2019"), or null. */
  dates: string | null;
  lines: CvLine[];
}

export interface CvBlock {
  kind: CvSectionKind;
  /** The heading as the CV wrote it. */
  heading: string;
  lines: CvLine[];
}

export interface ParsedCv {
  /** The first line when it reads as a person's name. */
  name: string | null;
  /** What the person calls themselves ("Java full stack developer"), as written. */
  headline: string | null;
  /** E-mail, phone, links, as written (redacted ones left out). */
  contact: string[];
  summary: CvLine[];
  experienceHeading: string | null;
  experience: CvEntry[];
  skillsHeading: string | null;
  /** The skills section's lines as written. */
  skillLines: CvLine[];
  /** Canonical names of every vocabulary skill the CV mentions. */
  skills: string[];
  /** Education, certifications, languages, projects, other: kept as written. */
  blocks: CvBlock[];
  /** Every line above, for relevance scoring. */
  lines: CvLine[];
}

const MONTH =
  "(?:jan|feb|fev|mar|apr|abr|may|mai|jun|jul|aug|ago|sep|sept|set|oct|out|nov|dec|dez|dic|ene)[\\p{L}]*\\.?";
const POINT = `(?:${MONTH}\\s+|\\d{1,2}[/.])?(?:19|20)\\d{2}`;
const OPEN_END =
  "present|now|current|currently|today|date|ongoing|atual|actual|actualidad|presente|hoy|hoje|momento|atualmente";
/** "2017 – 2019", "Jan 2020 - Present", "03/2018 to now", "2015-2017". */
const DATE_RANGE = new RegExp(
  `${POINT}\\s*(?:-|–|—|to|a|até|hasta|until)\\s*(?:${POINT}|${OPEN_END})`,
  "iu",
);
const BULLET_MARK = /^\s*(?:[-*•●▪◦‣·–—>]|\d{1,2}[.)])\s+/u;
const REDACTED = /\*{3,}/;
const LINK = /@|https?:\/\/|www\.|linkedin|github\.com/i;
const PHONE = /\+?\d[\d\s().-]{7,}\d/;

/** An e-mail, a link, or a phone number (nine digits or more, not a date range). */
function isContact(line: string): boolean {
  if (LINK.test(line)) return true;
  const phone = PHONE.exec(line)?.[0];
  return phone !== undefined && phone.replace(/\D/g, "").length >= 9 && !DATE_RANGE.test(line);
}

/** A line of a section as read: its text without markup, and whether it was a heading. */
interface SourceLine {
  text: string;
  heading: boolean;
  /** Written as a list item: never the header of a job. */
  bulleted: boolean;
}

/** Longest CV text read: about 30 pages; a bigger upload is not a CV to tailor line by line. */
const MAX_CV_CHARS = 60_000;

const MARKDOWN_HEADING = /^\s*#{1,6}\s+/;

/** A tab between two words or numbers parts columns ("Developer<tab>Acme<tab>2019 – 2021"). */
const COLUMN_TAB = /(?<=[\p{L}\p{N}\p{M})\]%])[^\S\n]*\t\s*(?=[\p{L}\p{N}(])/gu;

/** "**Senior** _2019 – 2021_ `Go`" → "Senior 2019 – 2021 Go". */
function withoutMarkup(line: string): string {
  return line
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[_*]([^_*\n]+?)[_*](?=$|[\s).,;:!?])/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1");
}

/**
 * Lines of a section's text: bullet marks and markup gone, "•"-runs split, wrapped lines
 * joined (in a Markdown CV, every line of a paragraph or list item; in plain text, an indented
 * line, or a lower-case one after a long line with no full stop).
 */
function sectionLines(text: string, markdown: boolean): SourceLine[] {
  const out: SourceLine[] = [];
  let open = false;
  for (const source of text.split(/\r?\n/)) {
    // A Markdown table row reads as its cells; its |---| rule as nothing.
    if (/^\s*\|?[\s:|-]*-{3,}[\s:|-]*$/.test(source)) continue;
    const raw = /^\s*\|.*\|\s*$/.test(source)
      ? source
          .split("|")
          .map((cell) => cell.trim())
          .filter(Boolean)
          .join(" · ")
      : source;
    const heading = MARKDOWN_HEADING.test(raw);
    const line = withoutMarkup(
      raw
        // Zero-width joiners stay: they hold emoji together.
        .replace(/[\u200b\u200c\u200e\u200f\u2060\ufeff]/g, "")
        .replace(MARKDOWN_HEADING, "")
        .replace(COLUMN_TAB, " · ")
        .replace(/\s+/g, " ")
        .trim(),
    );
    if (!line || (REDACTED.test(line) && line.replace(/[*\s]/g, "").length < 4)) {
      open = false;
      continue;
    }
    const bulleted = BULLET_MARK.test(raw);
    const indented = /^\s{2,}\S/.test(raw) && !bulleted;
    const pieces = line
      .replace(BULLET_MARK, "")
      .split(/\s+[•●▪]\s+|^[•●▪]\s*/u)
      .map((piece) => piece.trim())
      .filter(Boolean);
    for (const piece of pieces) {
      const previous = out.at(-1);
      const continues =
        !heading &&
        !bulleted &&
        previous !== undefined &&
        !previous.heading &&
        // In Markdown a paragraph's lines are one text; short lines are lists all the same.
        ((markdown && open && (previous.text.length >= 60 || /^\p{Ll}/u.test(piece))) ||
          indented ||
          (previous.text.length >= 40 &&
            /^\p{Ll}/u.test(piece) &&
            !/[.;:!?]$/.test(previous.text)));
      if (continues && previous) previous.text = `${previous.text} ${piece}`;
      else out.push({ text: piece, heading, bulleted });
    }
    open = !heading;
  }
  // Very long lines (CVs pasted as one paragraph) are cut into sentences.
  return out.flatMap((line) =>
    line.text.length > 280
      ? line.text
          // "…PostgreSQL.Don't…": pasted text often lost the space after a full stop.
          .split(/(?<=[.;!?])\s+(?=[\p{Lu}\d])|(?<=[\p{Ll}\d)][.;!?])(?=\p{Lu}\p{Ll})|(?<=;)/u)
          .map((s) => s.trim())
          .filter(Boolean)
          .map((text) => ({ text, heading: false, bulleted: line.bulleted }))
      : [line],
  );
}

function looksLikeName(value: string): boolean {
  // "Daniel Kim, CPA": a credential after the name.
  const line = value.replace(/,\s*[\p{Lu}.]{2,8}$/u, "");
  const words = line.trim().split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    line.length <= 48 &&
    !/[\d@/|:]/.test(line) &&
    // Capitalised words, or words of a script without case (Hebrew, Arabic).
    words.every((word) => /^[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]*$/u.test(word)) &&
    !/(developer|engineer|manager|designer|analyst|scientist|consultant|specialist|resume|curriculum|vitae)/i.test(
      line,
    )
  );
}

/** Reads a CV's text into its parts. Works on any text: with no headings, every line is summary. */
export function parseCv(fullText: string): ParsedCv {
  const text = fullText.slice(0, MAX_CV_CHARS);
  let counter = 0;
  const line = (section: CvSectionKind, value: string, bulleted = false): CvLine => ({
    id: `L${++counter}`,
    text: value,
    section,
    bulleted,
  });
  const cv: ParsedCv = {
    name: null,
    headline: null,
    contact: [],
    summary: [],
    experienceHeading: null,
    experience: [],
    skillsHeading: null,
    skillLines: [],
    skills: extractSkills(text),
    blocks: [],
    lines: [],
  };
  // A Markdown CV (headings and list items) wraps its paragraphs freely.
  const markdown = /^#{1,3}\s+\S/m.test(text) && /^\s*[-*]\s+\S/m.test(text);
  for (const section of cvSections(text)) {
    const lines = sectionLines(section.text, markdown);
    const texts = lines.map((l) => l.text);
    if (section.kind === "summary" && !section.heading) {
      // "J A N E  D O E": read before its gaps, which part the names, are gone.
      const first = section.text.split("\n").find((l) => l.trim()) ?? "";
      readPreamble(cv, texts, (value) => line("summary", value), spacedLetters(first));
    } else if (section.kind === "summary") {
      cv.summary.push(...texts.map((value) => line("summary", value)));
    } else if (section.kind === "experience") {
      cv.experienceHeading ??= section.heading;
      cv.experience.push(
        ...readEntries(lines, (value, bulleted) => line("experience", value, bulleted)),
      );
    } else if (section.kind === "skills") {
      cv.skillsHeading ??= section.heading;
      cv.skillLines.push(...texts.map((value) => line("skills", value)));
    } else {
      cv.blocks.push({
        kind: section.kind,
        heading: section.heading,
        lines: lines.map((l) => line(section.kind, l.text, l.bulleted)),
      });
    }
  }
  // A CV with no experience heading may still list dated jobs among its first lines.
  if (cv.experience.length === 0) {
    const dated = cv.summary.findIndex((l) => DATE_RANGE.test(l.text));
    if (dated >= 0) {
      const rest = cv.summary.splice(dated);
      cv.experience = readEntries(
        rest.map((l) => ({ text: l.text, heading: false, bulleted: false })),
        (value, bulleted) => line("experience", value, bulleted),
      );
    }
  }
  cv.lines = [
    ...cv.summary,
    ...cv.skillLines,
    ...cv.experience.flatMap((entry) => entry.lines),
    ...cv.blocks.flatMap((block) => block.lines),
  ];
  return cv;
}

/** `spacedFirst`: the words the first line spells when written in spaced letters. */
function readPreamble(
  cv: ParsedCv,
  lines: string[],
  make: (value: string) => CvLine,
  spacedFirst: string | null,
): void {
  lines.forEach((value, index) => {
    // A name in spaced letters is the name it spells: "JANE DOE".
    const name = index === 0 ? (spacedFirst ?? value) : value;
    if (index === 0 && looksLikeName(name)) {
      cv.name = name;
    } else if (isContact(value) && value.length < 160) {
      if (!REDACTED.test(value)) cv.contact.push(value);
    } else if (!cv.headline && index < 3 && value.length <= 120 && !DATE_RANGE.test(value)) {
      cv.headline = value;
    } else {
      cv.summary.push(make(value));
    }
  });
}

/**
 * Entries start at a heading ("### Engineer — Acme") or a line with a date range; a date
 * line alone dates the entry above it, or makes the line before it a header.
 */
function readEntries(
  lines: SourceLine[],
  make: (value: string, bulleted: boolean) => CvLine,
): CvEntry[] {
  const entries: CvEntry[] = [];
  let current: CvEntry | null = null;
  for (const { text, heading, bulleted } of lines) {
    const found = text.length <= 200 ? DATE_RANGE.exec(text) : null;
    // Dates head a job when they start or end its line ("2019 – 2021: Developer, Acme"), or
    // the line is short; "Led the 2020 – 2021 migration of …" is something done, not a job.
    const atEdge =
      found !== null &&
      (found.index <= 2 ||
        text.slice(found.index + found[0].length).replace(/[\s:;,.|)–—-]+/g, "") === "");
    const match = found && (atEdge || (!bulleted && text.length <= 90)) ? found : null;
    const dates = match ? match[0].replace(/\s+/g, " ") : null;
    const rest = (match ? text.replace(match[0], " ") : text)
      .replace(/^[\s:,;|·–—-]+|[\s:,;|·–—-]+$/g, "")
      .replace(/\s{2,}/g, " ");
    if (heading) {
      current = { header: rest, dates, lines: [] };
      entries.push(current);
    } else if (
      dates &&
      rest.length < 3 &&
      current &&
      !current.dates &&
      current.lines.length === 0
    ) {
      current.dates = dates;
    } else if (dates) {
      // "Developer, Acme" on one line and the dates alone on the next.
      const header: string =
        rest.length < 3 && current && current.lines.length > 0
          ? (current.lines.pop()?.text ?? "")
          : rest;
      current = { header, dates, lines: [] };
      entries.push(current);
    } else {
      if (!current) {
        current = { header: "", dates: null, lines: [] };
        entries.push(current);
      }
      current.lines.push(make(text, bulleted));
    }
  }
  return entries.filter((entry) => entry.header || entry.lines.length > 0);
}

/**
 * A CV's text cut into its sections ("Experience", "Education", "Skills"...) by their heading
 * lines, in English, Spanish and Portuguese, also when written in spaced letters
 * ("W O R K  E X P E R I E N C E"). Text before the first heading is the "summary".
 */
export type CvSectionKind =
  | "summary"
  | "experience"
  | "education"
  | "skills"
  | "projects"
  | "certifications"
  | "languages"
  | "other";

export interface CvSection {
  kind: CvSectionKind;
  /** The heading as written (empty for text before any heading). */
  heading: string;
  text: string;
}

const HEADINGS: [CvSectionKind, RegExp][] = [
  [
    "summary",
    /^(summary|profile|about( me)?|objective|professional summary|resumo|perfil|sobre( mim)?|objetivo|resumen|acerca de m[ií])$/,
  ],
  [
    "experience",
    /^((work|professional|employment|relevant) )?(experience|history)$|^employment$|^experi[eê]ncia( profissional)?$|^experiencia( (laboral|profesional))?$|^historial laboral$/,
  ],
  [
    "education",
    /^(education|academic background|educa[cç][aã]o|forma[cç][aã]o( acad[eê]mica)?|educaci[oó]n|formaci[oó]n( acad[eé]mica)?)$/,
  ],
  [
    "skills",
    /^((technical|core|key|professional) )?(skills|competencies|technologies|tech stack)$|^(habilidades|compet[eê]ncias|conhecimentos|tecnologias|competencias|tecnolog[ií]as)( t[eé]cnicas)?$/,
  ],
  ["projects", /^((personal|selected|side) )?projects$|^projetos$|^proyectos$/],
  [
    "certifications",
    /^(certifications?|certificates|licenses|certifica[cç][oõ]es|certificaciones|cursos|courses)$/,
  ],
  ["languages", /^(languages|idiomas|l[ií]nguas)$/],
  [
    "other",
    /^(awards|publications|volunteering|interests|references|pr[eê]mios|publica[cç][oõ]es|voluntariado|interesses|premios|publicaciones|intereses)$/,
  ],
];

// Headings in Russian and Hebrew, seen in real CVs.
const OTHER_SCRIPTS: [CvSectionKind, RegExp][] = [
  ["summary", /^(о себе|профиль|резюме|תקציר|פרופיל|אודות)$/],
  ["experience", /^(опыт работы|опыт|трудовой опыт|ניסיון( תעסוקתי| מקצועי)?)$/],
  ["education", /^(образование|השכלה)$/],
  ["skills", /^((ключевые |профессиональные )?навыки|כישורים|מיומנויות)$/],
  ["languages", /^(языки|знание языков|שפות)$/],
];

/** The same patterns with every space optional: spaced letters may not show where words part. */
const GAPLESS: [CvSectionKind, RegExp][] = [...HEADINGS, ...OTHER_SCRIPTS].map(
  ([kind, pattern]) => [kind, new RegExp(pattern.source.replaceAll(" ", " ?"), pattern.flags)],
);

function kindOf(words: string, patterns = [...HEADINGS, ...OTHER_SCRIPTS]): CvSectionKind | null {
  for (const [kind, pattern] of patterns) {
    if (pattern.test(words)) return kind;
  }
  return null;
}

/** Markup around a heading: "## Skills:", "**EXPERIENCE**", "=== Education ===". */
const HEADING_MARKUP = /^[#*\-=_\s]+|[#*:\-=_\s]+$/gu;

/** A whole line of single letters (four or more) apart: "S K I L L S", "E X P E R I E N C I A". */
const SPACED_LETTERS = /^\p{L}\p{M}*(?:\s+(?:[&/]\s+)?\p{L}\p{M}*){3,}$/u;

/**
 * The word(s) a line of spaced letters spells, as written: "W O R K  E X P E R I E N C E" is
 * "WORK EXPERIENCE" (two or more spaces, or a tab, part words). Null for any other line, so
 * "A B testing" or "C V" stay as they are.
 */
export function spacedLetters(line: string): string | null {
  const body = line.trim().replace(HEADING_MARKUP, "");
  if (!SPACED_LETTERS.test(body)) return null;
  return body.replace(/(?<=\p{L}\p{M}*)[^\S\t\n](?=\p{L})/gu, "").replace(/\s+/g, " ");
}

function headingKind(line: string): CvSectionKind | null {
  const spaced = spacedLetters(line);
  const words = (spaced ?? line)
    .trim()
    .replace(HEADING_MARKUP, "")
    .toLocaleLowerCase("en")
    .replace(/\s+/g, " ");
  if (words.length === 0 || words.length > 48) return null;
  const whole = kindOf(words);
  if (whole) return whole;
  // "Education and Certification", "Licenses & Education": the first part that is a heading.
  const parts = words.split(/ (?:and|&|e|y|и) |, | \/ /);
  if (parts.length >= 2 && parts.length <= 3) {
    for (const part of parts) {
      const kind = kindOf(part);
      if (kind) return kind;
    }
  }
  // "W O R K E X P E R I E N C E", one space everywhere: the words it spells, run together.
  return spaced ? kindOf(words.replaceAll(" ", ""), GAPLESS) : null;
}

/** A Markdown "## Heading" the lists above do not know is still a section of its own. */
const MARKDOWN_SECTION = /^##\s+\S/;

export function cvSections(text: string): CvSection[] {
  const sections: CvSection[] = [];
  let current: { kind: CvSectionKind; heading: string; lines: string[] } = {
    kind: "summary",
    heading: "",
    lines: [],
  };
  const flush = () => {
    const body = current.lines.join("\n").trim();
    if (body || current.heading) {
      sections.push({ kind: current.kind, heading: current.heading, text: body });
    }
  };
  for (const line of text.split(/\r?\n/)) {
    const kind = headingKind(line) ?? (MARKDOWN_SECTION.test(line) ? "other" : null);
    if (kind) {
      flush();
      current = {
        kind,
        heading: line
          .trim()
          .replace(/^#+\s*/, "")
          .replace(/:$/, ""),
        lines: [],
      };
    } else {
      current.lines.push(line);
    }
  }
  flush();
  return sections;
}

/**
 * A CV's text cut into its sections ("Experience", "Education", "Skills"...) by their heading
 * lines, in English, Spanish and Portuguese. Text before the first heading is the "summary".
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

function kindOf(words: string): CvSectionKind | null {
  for (const [kind, pattern] of [...HEADINGS, ...OTHER_SCRIPTS]) {
    if (pattern.test(words)) return kind;
  }
  return null;
}

function headingKind(line: string): CvSectionKind | null {
  const words = line
    .trim()
    .replace(/^[#*\-=_\s]+|[#*:\-=_\s]+$/g, "")
    .toLocaleLowerCase("en")
    .replace(/\s+/g, " ");
  if (words.length === 0 || words.length > 48) return null;
  const whole = kindOf(words);
  if (whole) return whole;
  // "Education and Certification", "Licenses & Education": the first part that is a heading.
  const parts = words.split(/ (?:and|&|e|y|и) |, | \/ /);
  if (parts.length < 2 || parts.length > 3) return null;
  for (const part of parts) {
    const kind = kindOf(part);
    if (kind) return kind;
  }
  return null;
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

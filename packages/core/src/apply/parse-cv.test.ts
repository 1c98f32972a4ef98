import { Document, Packer, Paragraph, Tab, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { extractCvText } from "../profile/cv-text.ts";
import { allowedPhrases, templateText, type WriterInput, writeOffline } from "./offline-writer.ts";
import { parseCv } from "./parse-cv.ts";
import { buildEvidence, guardMarkdown } from "./truth-guard.ts";

type Line = string | (string | Tab)[];

/** A DOCX whose whole CV is one paragraph, its lines parted by line breaks (`<w:br/>`). */
async function oneParagraphDocx(lines: Line[]): Promise<Uint8Array> {
  const children = lines.map((line, i) => {
    const brk = i > 0 ? 1 : 0;
    return typeof line === "string"
      ? new TextRun({ text: line, break: brk })
      : new TextRun({ children: line, break: brk });
  });
  const doc = new Document({ sections: [{ children: [new Paragraph({ children })] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function docxCvText(lines: Line[]): Promise<string> {
  return (await extractCvText({ name: "cv.docx", bytes: await oneParagraphDocx(lines) })).text;
}

const today = new Date("2026-12-06T10:00:00Z");

function tailor(cvText: string) {
  const cv = parseCv(cvText);
  const job = {
    title: "Backend Engineer",
    company: "Initech",
    description: "We build payment services in Go and PostgreSQL.",
    language: "en" as const,
  };
  const input: WriterInput = {
    person: { name: cv.name ?? "", email: null },
    cv,
    job,
    relevance: new Map(cv.lines.map((line) => [line.id, 1])),
    today,
  };
  const written = writeOffline(input);
  const evidence = buildEvidence([cvText], allowedPhrases(input), templateText("en"));
  return guardMarkdown(written.cv, evidence);
}

describe("parseCv on a DOCX written as one paragraph of line breaks", () => {
  const lines: Line[] = [
    "Jane Doe",
    "Senior Backend Developer",
    "jane.doe@example.org",
    "EXPERIENCE",
    ["Senior Backend Developer", new Tab(), "Acme Corp", new Tab(), "2019 – 2023"],
    "Built the payment services in Go and PostgreSQL that handle",
    "two million transactions a day.",
    "Backend Developer, Globex",
    "2016 – 2019",
    "Wrote REST APIs in Java.",
    "EDUCATION",
    "BSc Computer Science, TU Berlin",
    "SKILLS",
    "Go, Java, PostgreSQL, Kubernetes",
  ];

  it("reads the name, the roles, education and skills, not one summary", async () => {
    const cv = parseCv(await docxCvText(lines));
    expect(cv.name).toBe("Jane Doe");
    expect(cv.headline).toBe("Senior Backend Developer");
    expect(cv.contact).toEqual(["jane.doe@example.org"]);
    expect(cv.summary).toEqual([]);
    expect(cv.experienceHeading).toBe("EXPERIENCE");
    expect(
      cv.experience.map((entry) => [entry.header, entry.dates, entry.lines.map((l) => l.text)]),
    ).toEqual([
      [
        // The tab-parted columns stay apart.
        "Senior Backend Developer · Acme Corp",
        "2019 – 2023",
        [
          "Built the payment services in Go and PostgreSQL that handle two million transactions a day.",
        ],
      ],
      ["Backend Developer, Globex", "2016 – 2019", ["Wrote REST APIs in Java."]],
    ]);
    expect(cv.blocks.map((block) => [block.kind, block.lines.map((l) => l.text)])).toEqual([
      ["education", ["BSc Computer Science, TU Berlin"]],
    ]);
    expect(cv.skillLines.map((l) => l.text)).toEqual(["Go, Java, PostgreSQL, Kubernetes"]);
    expect(cv.lines.every((l) => l.text.length < 100)).toBe(true);
  });

  it("gives a tailored CV with its sections and roles, each line passing the guard", async () => {
    const { markdown, flags } = tailor(await docxCvText(lines));
    expect(flags).toEqual([]);
    expect(markdown).toContain("# Jane Doe\n");
    expect(markdown).not.toContain("## Summary");
    expect(markdown).toContain("### Senior Backend Developer · Acme Corp · 2019 – 2023");
    expect(markdown).toContain("### Backend Developer, Globex · 2016 – 2019");
    expect(markdown).toContain("## EDUCATION\n\n- BSc Computer Science, TU Berlin");
  });
});

describe("parseCv on spaced-letter headings", () => {
  const text = [
    "J A N E   D O E",
    "jane.doe@example.org",
    "",
    "W O R K  E X P E R I E N C E",
    "Backend Developer, Globex, 2016 – 2019",
    "- Wrote REST APIs in Java.",
    "",
    "S K I L L S",
    "Java, SQL",
    "",
    "E D U C A T I O N",
    "BSc Computer Science, TU Berlin",
    "",
    "E X P E R I E N C I A",
    "Desarrollador, Acme, 2014 – 2016",
  ].join("\n");

  it("reads the sections under them, and a name in spaced letters as the name", () => {
    const cv = parseCv(text);
    expect(cv.name).toBe("JANE DOE");
    expect(cv.contact).toEqual(["jane.doe@example.org"]);
    expect(cv.summary).toEqual([]);
    expect(cv.experienceHeading).toBe("W O R K  E X P E R I E N C E");
    expect(cv.experience.map((entry) => [entry.header, entry.dates])).toEqual([
      ["Backend Developer, Globex", "2016 – 2019"],
      ["Desarrollador, Acme", "2014 – 2016"],
    ]);
    expect(cv.skillsHeading).toBe("S K I L L S");
    expect(cv.skillLines.map((l) => l.text)).toEqual(["Java, SQL"]);
    expect(cv.blocks.map((block) => [block.heading, block.lines.map((l) => l.text)])).toEqual([
      ["E D U C A T I O N", ["BSc Computer Science, TU Berlin"]],
    ]);
  });

  it("reads them from a DOCX too, and the tailored CV keeps them", async () => {
    const cvText = await docxCvText(text.split("\n").filter(Boolean));
    const cv = parseCv(cvText);
    expect(cv.name).toBe("JANE DOE");
    expect(cv.experience).toHaveLength(2);
    const { markdown, flags } = tailor(cvText);
    expect(flags).toEqual([]);
    expect(markdown).toContain("# JANE DOE\n");
    expect(markdown).toContain("## W O R K  E X P E R I E N C E\n");
    expect(markdown).toContain("## E D U C A T I O N\n");
  });

  it("leaves 'A B testing' and other lines of a few letters as text", () => {
    const cv = parseCv(
      ["Jane Doe", "Experience", "Analyst, Acme, 2019 – 2023", "A B testing", "A B C D"].join("\n"),
    );
    expect(cv.experience.map((entry) => entry.lines.map((l) => l.text))).toEqual([
      ["A B testing", "A B C D"],
    ]);
    expect(cv.blocks).toEqual([]);
  });
});

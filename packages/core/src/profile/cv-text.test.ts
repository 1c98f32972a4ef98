import { readFile } from "node:fs/promises";
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import mammoth from "mammoth";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { cvSections } from "./cv-sections.ts";
import { extractCvText, MAX_CV_BYTES } from "./cv-text.ts";

const CVS = new URL("../../test-data/cvs/", import.meta.url);

async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(name, CVS)));
}

async function fixtureText(name: string): Promise<string> {
  return readFile(new URL(name, CVS), "utf8");
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

async function expectCvError(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "invalid_input", field: "cv" });
  expect((error as AppError).message).toMatch(message);
}

/** A small PDF with one line of Helvetica text per entry, wrapped onto pages of 40 lines. */
async function makePdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let start = 0; start < lines.length; start += 40) {
    const page = doc.addPage([595, 842]);
    lines.slice(start, start + 40).forEach((line, i) => {
      page.drawText(line, { x: 40, y: 800 - i * 18, size: 10, font });
    });
  }
  return doc.save();
}

describe("extractCvText on real CVs", () => {
  it.each(["1", "2"])("reads DOCX %s with the lines of its text version", async (id) => {
    const { text, format } = await extractCvText({
      name: `${id}.docx`,
      bytes: await fixture(`${id}.docx`),
    });
    expect(format).toBe("docx");
    expect(text).not.toMatch(/ {2}|\n{3}|\r/);
    expect(text).toBe(text.trim());

    const squashed = squash(text);
    const lines = (await fixtureText(`${id}.txt`))
      .split(/\r?\n/)
      .map(squash)
      .filter((line) => line.length >= 25 && !line.includes("*"));
    expect(lines.length).toBeGreaterThan(5);
    const found = lines.filter((line) => squashed.includes(line));
    // Nearly every distinctive line of the text version is in the DOCX text.
    expect(found.length / lines.length).toBeGreaterThan(0.9);
  });

  it("finds distinctive lines of CV 1 in its DOCX", async () => {
    const { text } = await extractCvText({ name: "CV.DOCX", bytes: await fixture("1.docx") });
    expect(text).toContain("Java full stack developer");
    expect(text).toContain("Programming languages: Java, JavaScript.");
    expect(text).toContain("Databases: SQL (MySQL), NoSQL (MongoDB).");
  });

  it("reads a PDF made from a CV's text, page by page", async () => {
    const lines = (await fixtureText("1.txt"))
      .split(/\r?\n/)
      .map(squash)
      .filter((line) => line && /^[\x20-\x7e]+$/.test(line) && line.length < 95);
    expect(lines.length).toBeGreaterThan(20);
    const known = "Programming languages: Java, JavaScript.";
    expect(lines).toContain(known);

    const many = [...lines, ...lines]; // more than one page
    const { text, format } = await extractCvText({ name: "cv.pdf", bytes: await makePdf(many) });
    expect(format).toBe("pdf");
    expect(text.split("\n")).toContain(known);
    expect(text).toContain("Systems: Linux, Windows.");
    expect(text).toMatch(/\n\n/); // pages are kept apart
    expect(text).not.toMatch(/ {2}|\n{3}/);

    // Node's Buffer, as fs.readFile gives it, reads the same (unpdf refuses a Buffer as such).
    const fromBuffer = await extractCvText({
      name: "cv.pdf",
      bytes: Buffer.from(await makePdf(many)),
    });
    expect(fromBuffer.text).toBe(text);
  });

  it("rejects a PDF without text", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    await expectCvError(
      extractCvText({ name: "scan.pdf", bytes: await doc.save() }),
      /No text could be found.*scanned image/,
    );
  });
});

async function makeDocx(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** One paragraph whose lines are parted by line breaks (`<w:br/>`, Shift+Enter). */
function brokenParagraph(lines: (string | (string | Tab)[])[]): Paragraph {
  return new Paragraph({
    children: lines.map((line, i) =>
      typeof line === "string"
        ? new TextRun({ text: line, break: i > 0 ? 1 : 0 })
        : new TextRun({ children: line, break: i > 0 ? 1 : 0 }),
    ),
  });
}

/** A whole CV in one paragraph, as PDF-to-Word converters write it. */
const ONE_PARAGRAPH_CV: (string | (string | Tab)[])[] = [
  "Jane Doe",
  "Senior Backend Developer",
  "jane.doe@example.org",
  "EXPERIENCE",
  ["Senior Backend Developer, Acme Corp", new Tab(), "2019 – 2023"],
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

describe("extractCvText on DOCX line breaks and tabs", () => {
  it("reads a CV written as one paragraph of line breaks line by line", async () => {
    const bytes = await makeDocx([brokenParagraph(ONE_PARAGRAPH_CV)]);
    // What mammoth's raw text makes of it: every line glued to the next.
    const raw = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(raw.value).toContain("Jane DoeSenior Backend Developerjane.doe@example.org");

    const { text } = await extractCvText({ name: "cv.docx", bytes });
    expect(text.split("\n")).toEqual([
      "Jane Doe",
      "Senior Backend Developer",
      "jane.doe@example.org",
      "EXPERIENCE",
      "Senior Backend Developer, Acme Corp\t2019 – 2023",
      "Built the payment services in Go and PostgreSQL that handle",
      "two million transactions a day.",
      "Backend Developer, Globex",
      "2016 – 2019",
      "Wrote REST APIs in Java.",
      "EDUCATION",
      "BSc Computer Science, TU Berlin",
      "SKILLS",
      "Go, Java, PostgreSQL, Kubernetes",
    ]);
    expect(text).not.toMatch(/DoeSenior|Developerjane|EXPERIENCESenior|GlobexWrote|Corp2019/);

    const sections = cvSections(text);
    expect(sections.map((s) => s.kind)).toEqual(["summary", "experience", "education", "skills"]);
    expect(sections[1]?.text).toContain("Wrote REST APIs in Java.");
    expect(sections[2]?.text).toBe("BSc Computer Science, TU Berlin");
    expect(sections[3]?.text).toBe("Go, Java, PostgreSQL, Kubernetes");
  });

  it("keeps a tab between a line's parts, as one tab, and drops tabs at a line's ends", async () => {
    const bytes = await makeDocx([
      new Paragraph({
        children: [
          new TextRun({ children: [new Tab(), "Engineer", new Tab(), new Tab(), "Acme"] }),
          new TextRun({ children: ["Berlin", new Tab(), " 2020 ", new Tab()], break: 1 }),
        ],
      }),
      new Paragraph({ children: [new TextRun({ children: ["Skills:", new Tab(), "Go"] })] }),
    ]);
    const { text } = await extractCvText({ name: "cv.docx", bytes });
    expect(text).toBe("Engineer\tAcme\nBerlin\t2020\n\nSkills:\tGo");
  });

  it("still parts headings, list items, table cells and paragraphs", async () => {
    const bytes = await makeDocx([
      new Paragraph({ text: "Experience", heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: "Built APIs", bullet: { level: 0 } }),
      new Paragraph({ text: "Ran the on-call rota", bullet: { level: 0 } }),
      new Table({
        rows: [
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph("Acme")] }),
              new TableCell({ children: [new Paragraph("2019 – 2023")] }),
            ],
          }),
        ],
      }),
      new Paragraph("Skills"),
      new Paragraph({ children: [new TextRun("Go, "), new TextRun({ text: "SQL", bold: true })] }),
    ]);
    const { text } = await extractCvText({ name: "cv.docx", bytes });
    expect(text).toBe(
      "Experience\n\nBuilt APIs\n\nRan the on-call rota\n\nAcme\n\n2019 – 2023\n\nSkills\n\nGo, SQL",
    );
    // The same lines as mammoth's raw text, which reads these documents well.
    const raw = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).toBe(raw.value.replace(/\n{3,}/g, "\n\n").trim());
  });

  it("keeps the gaps that part the words of spaced-letter headings", async () => {
    const bytes = await makeDocx([
      brokenParagraph([
        "J A N E   D O E",
        "W O R K  E X P E R I E N C E",
        "Developer, Acme  (Berlin)",
        "E D U C A T I O N",
        "BSc, TU Berlin",
      ]),
    ]);
    const { text } = await extractCvText({ name: "cv.docx", bytes });
    expect(text).toBe(
      "J A N E  D O E\nW O R K  E X P E R I E N C E\nDeveloper, Acme (Berlin)\nE D U C A T I O N\nBSc, TU Berlin",
    );
    expect(cvSections(text).map((s) => [s.kind, s.heading])).toEqual([
      ["summary", ""],
      ["experience", "W O R K  E X P E R I E N C E"],
      ["education", "E D U C A T I O N"],
    ]);
  });
});

describe("extractCvText on text files", () => {
  it("strips a BOM and normalizes CRLF in txt", async () => {
    const bytes = new TextEncoder().encode(
      "\uFEFFJane Doe\r\nEngineer\r\n\r\nSkills: Go\rRust\r\n",
    );
    const result = await extractCvText({ name: "cv.txt", bytes });
    expect(result).toEqual({ text: "Jane Doe\nEngineer\n\nSkills: Go\nRust", format: "txt" });
  });

  it("reads md and falls back to latin1 for text that is not UTF-8", async () => {
    const bytes = Uint8Array.from([0x23, 0x20, 0x4a, 0x6f, 0x73, 0xe9, 0x0d, 0x0a, 0x43, 0x56]);
    expect(await extractCvText({ name: "CV.md", bytes })).toEqual({
      text: "# José\nCV",
      format: "md",
    });
  });
});

describe("extractCvText errors", () => {
  it("rejects an empty file", async () => {
    await expectCvError(extractCvText({ name: "cv.pdf", bytes: new Uint8Array() }), /empty/);
  });

  it("rejects a file whose bytes do not match its extension", async () => {
    const text = new TextEncoder().encode("just some text");
    await expectCvError(extractCvText({ name: "cv.pdf", bytes: text }), /does not look like a PDF/);
    await expectCvError(
      extractCvText({ name: "cv.docx", bytes: text }),
      /does not look like a Word/,
    );
    await expectCvError(
      extractCvText({ name: "cv.txt", bytes: await fixture("1.docx") }),
      /does not look like a plain text/,
    );
  });

  it("rejects a zip that is not a Word document", async () => {
    const zipHeaderOnly = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    await expectCvError(
      extractCvText({ name: "cv.docx", bytes: zipHeaderOnly }),
      /could not be read as a Word document/,
    );
  });

  it("rejects an unknown extension or none", async () => {
    const bytes = new TextEncoder().encode("text");
    await expectCvError(extractCvText({ name: "cv.rtf", bytes }), /\.rtf are not supported/);
    await expectCvError(extractCvText({ name: "cv.doc", bytes }), /\.doc are not supported/);
    await expectCvError(extractCvText({ name: "cv", bytes }), /no extension/);
  });

  it("rejects a file over 5 MB", async () => {
    const bytes = new Uint8Array(MAX_CV_BYTES + 1).fill(0x61);
    await expectCvError(extractCvText({ name: "cv.txt", bytes }), /larger than 5 MB/);
  });
});

import { inflateRawSync } from "node:zlib";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { markdownBlocks } from "./markdown-blocks.ts";
import {
  PAGE_SIZES,
  type PageSize,
  type RenderOptions,
  renderDocx,
  renderPdf,
  TEMPLATES,
} from "./render-document.ts";

const CV = `# José Conceição

Senior Backend Engineer · Lisboa · jose@example.com · [github.com/jconceicao](https://github.com/jconceicao)

## Summary

Backend engineer with **nine years** building payment platforms in *Go* and PostgreSQL.

## Experience

### Senior Backend Engineer — Яндекс Маркет (2021 – now)

- Designed an idempotent payment outbox on PostgreSQL that processes 2.3 million events a day with zero duplicates since 2022.
- Cut p99 latency of the order service from 840 ms to **190 ms**.

### Backend Developer — Acme Logística (2017 – 2021)

- Built the route-planning API in TypeScript used by 1,200 drivers daily.

## Skills

- **Languages:** Go, TypeScript, SQL
- **Data:** PostgreSQL, Kafka, Redis
`;

const LETTER = `# José Conceição

Lisboa, 14 de março de 2026

## Candidatura: Engenheiro Backend Sénior na Ñandú Pagos

Prezada equipa,

Escrevo para me candidatar à vaga de **Engenheiro Backend Sénior**. Trabalho com equipas em São Paulo e Madrid, e falo português, espanhol e inglês.

Com os melhores cumprimentos,  
José Conceição
`;

const POINTS: Record<PageSize, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };
const TWIPS: Record<PageSize, [number, number]> = { a4: [11906, 16838], letter: [12240, 15840] };

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

function options(overrides: Partial<RenderOptions>): RenderOptions {
  return {
    template: "classic",
    pageSize: "a4",
    title: "CV — José Conceição",
    author: "José Conceição",
    language: "pt",
    ...overrides,
  };
}

async function readPdf(bytes: Uint8Array) {
  // pdf.js may take ownership of the buffer it is given; hand it a copy.
  const pdf = await getDocumentProxy(bytes.slice());
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = (await pdf.getPage(1)).view;
  const { info } = await pdf.getMetadata();
  return {
    text: squash(text),
    pages: totalPages,
    size: [x1 - x0, y1 - y0],
    info: info as Record<string, unknown>,
  };
}

/** One file out of a .docx (a zip), found through the zip's central directory. */
function zipEntry(bytes: Uint8Array, name: string): string {
  const buf = Buffer.from(bytes);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (buf.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + skip;
  }
  throw new Error(`${name} is not in the zip`);
}

describe.each(
  TEMPLATES.flatMap((template) => PAGE_SIZES.map((pageSize) => ({ template, pageSize }))),
)("the $template template on $pageSize paper", ({ template, pageSize }) => {
  it("writes a PDF CV whose text, size and metadata read back", async () => {
    const bytes = await renderPdf(CV, options({ template, pageSize }));
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");

    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.size[0]).toBeCloseTo(POINTS[pageSize][0], 1);
    expect(pdf.size[1]).toBeCloseTo(POINTS[pageSize][1], 1);
    expect(pdf.info.Title).toBe("CV — José Conceição");
    expect(pdf.info.Author).toBe("José Conceição");
    expect(Buffer.from(bytes).toString("latin1")).toContain("/Lang (pt)");

    const { text } = pdf;
    for (const expected of [
      "José Conceição",
      "Summary",
      "Experience",
      "Skills",
      "Senior Backend Engineer — Яндекс Маркет (2021 – now)",
      "Backend Developer — Acme Logística (2017 – 2021)",
      "Designed an idempotent payment outbox on PostgreSQL that processes 2.3 million events a day with zero duplicates since 2022.",
      "Backend engineer with nine years building payment platforms in Go and PostgreSQL.",
      "github.com/jconceicao",
      "Languages: Go, TypeScript, SQL",
    ]) {
      expect(text).toContain(expected);
    }
    // Single column: the text reads back in the order it was written.
    const order = ["José", "Summary", "Experience", "Яндекс", "Acme", "Skills", "Kafka"];
    const positions = order.map((word) => text.indexOf(word));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("writes a PDF cover letter with its accents", async () => {
    const pdf = await readPdf(
      await renderPdf(LETTER, options({ template, pageSize, title: "Carta" })),
    );
    expect(pdf.info.Title).toBe("Carta");
    expect(pdf.text).toContain("Candidatura: Engenheiro Backend Sénior na Ñandú Pagos");
    expect(pdf.text).toContain("Trabalho com equipas em São Paulo e Madrid");
    expect(pdf.text).toContain("Com os melhores cumprimentos, José Conceição");
  });

  it("writes a DOCX CV with real headings, lists, links and page size", async () => {
    const bytes = await renderDocx(CV, options({ template, pageSize }));
    expect(bytes).toBeInstanceOf(Uint8Array);
    const buffer = Buffer.from(bytes);

    const { value: raw } = await mammoth.extractRawText({ buffer });
    const text = squash(raw);
    expect(text).toContain("José Conceição");
    expect(text).toContain("Senior Backend Engineer — Яндекс Маркет (2021 – now)");
    expect(text).toContain("Designed an idempotent payment outbox on PostgreSQL");

    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain("<h1>José Conceição</h1>");
    expect(html).toContain("<h2>Experience</h2>");
    expect(html).toContain("<h3>Backend Developer — Acme Logística (2017 – 2021)</h3>");
    expect(html).toContain("<ul><li>Designed an idempotent payment outbox");
    expect(html).toContain("<li><strong>Languages:</strong> Go, TypeScript, SQL</li>");
    expect(html).toContain("<strong>nine years</strong>");
    expect(html).toContain("<em>Go</em>");
    expect(html).toContain('<a href="https://github.com/jconceicao">github.com/jconceicao</a>');

    const documentXml = zipEntry(bytes, "word/document.xml");
    const [width, height] = TWIPS[pageSize];
    expect(documentXml).toContain(`<w:pgSz w:w="${width}" w:h="${height}"`);
    const core = zipEntry(bytes, "docProps/core.xml");
    expect(core).toContain("<dc:title>CV — José Conceição</dc:title>");
    expect(core).toContain("<dc:creator>José Conceição</dc:creator>");
    expect(zipEntry(bytes, "word/styles.xml")).toContain('<w:lang w:val="pt"/>');
  });

  it("writes a DOCX cover letter with its accents and line break", async () => {
    const buffer = Buffer.from(await renderDocx(LETTER, options({ template, pageSize })));
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain("<h2>Candidatura: Engenheiro Backend Sénior na Ñandú Pagos</h2>");
    expect(html).toContain("Com os melhores cumprimentos,<br />José Conceição");
    const { value: raw } = await mammoth.extractRawText({ buffer });
    expect(squash(raw)).toContain("Trabalho com equipas em São Paulo e Madrid");
  });
});

describe("long and unusual documents", () => {
  it("flows a long list onto more pages, keeping every bullet", async () => {
    const bullets = Array.from({ length: 200 }, (_, i) => `- Achievement number ${i + 1} done`);
    const markdown = `# Ana Lima\n\n## Achievements\n\n${bullets.join("\n")}\n`;
    for (const template of TEMPLATES) {
      const pdf = await readPdf(await renderPdf(markdown, options({ template })));
      expect(pdf.pages).toBeGreaterThan(1);
      expect(pdf.text).toContain("Achievement number 1 done");
      expect(pdf.text).toContain("Achievement number 200 done");
    }
    const { value } = await mammoth.convertToHtml({
      buffer: Buffer.from(await renderDocx(markdown, options({}))),
    });
    expect(value.match(/<li>/g)).toHaveLength(200);
  });

  it("shows Hebrew names in reading order and raw HTML as text", async () => {
    const markdown = "# דוד כהן\n\nContact: <b>not bold</b> · Tel Aviv\n";
    for (const template of TEMPLATES) {
      const pdf = await readPdf(await renderPdf(markdown, options({ template, language: "he" })));
      expect(pdf.text).toContain("דוד כהן");
      expect(pdf.text).toContain("Contact: <b>not bold</b> · Tel Aviv");
    }
  });

  it("renders an empty document as one blank page and an empty DOCX", async () => {
    const pdf = await readPdf(await renderPdf("", options({})));
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toBe("");
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(await renderDocx("", options({}))),
    });
    expect(value.trim()).toBe("");
  });
});

describe("markdownBlocks", () => {
  it("keeps raw HTML, scripts included, as plain text", () => {
    expect(markdownBlocks("Hi <script>alert(1)</script> there\n\n<div>block</div>\n")).toEqual([
      { kind: "paragraph", inlines: [{ text: "Hi <script>alert(1)</script> there" }] },
      { kind: "paragraph", inlines: [{ text: "<div>block</div>" }] },
    ]);
  });

  it("flattens nested list items in source order", () => {
    expect(markdownBlocks("- a\n  - b\n    - c\n- d\n\n1. one\n2. two\n")).toEqual([
      { kind: "list", items: [[{ text: "a" }], [{ text: "b" }], [{ text: "c" }], [{ text: "d" }]] },
      { kind: "list", items: [[{ text: "one" }], [{ text: "two" }]], ordered: true },
    ]);
  });

  it("reads headings, emphasis, code, links, breaks, rules and entities", () => {
    expect(
      markdownBlocks(
        "# Ana &amp; Co\n\n#### Deep\n\nA **bold *both*** `x < y` [site](https://a.b/?q=1&amp;r=2) caf&eacute;  \nnext\n\n---\n",
      ),
    ).toEqual([
      { kind: "heading", level: 1, inlines: [{ text: "Ana & Co" }] },
      { kind: "heading", level: 3, inlines: [{ text: "Deep" }] },
      {
        kind: "paragraph",
        inlines: [
          { text: "A " },
          { text: "bold ", bold: true },
          { text: "both", bold: true, italic: true },
          { text: " x < y " },
          { text: "site", link: "https://a.b/?q=1&r=2" },
          { text: " café\nnext" },
        ],
      },
      { kind: "rule" },
    ]);
  });

  it("gives nothing for empty or blank input", () => {
    expect(markdownBlocks("")).toEqual([]);
    expect(markdownBlocks(" \n\n\t\n")).toEqual([]);
  });
});

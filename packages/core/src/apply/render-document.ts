/**
 * Application documents (a tailored CV, a cover letter) rendered from Markdown to PDF and DOCX.
 * Both renderers read the same block model and lay it out in one column, in source order, as
 * real text: applicant-tracking systems parse these files, so there are no images of text, no
 * tables for layout and no side columns.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import PDFDocument from "pdfkit";
import { type DocBlock, type Inline, markdownBlocks } from "./markdown-blocks.ts";

export type PdfTemplate = "classic" | "modern";
export type PageSize = "a4" | "letter";

export interface RenderOptions {
  template: PdfTemplate;
  pageSize: PageSize;
  title: string;
  author: string;
  /** BCP-47, like "en", "es", "pt". */
  language: string;
}

/** Paragraphs under the name drawn as its header (headline, contact). */
const MAX_HEADER_LINES = 2;

export const TEMPLATES: readonly PdfTemplate[] = ["classic", "modern"];
export const PAGE_SIZES: readonly PageSize[] = ["a4", "letter"];

/** Page sizes in PDF points. */
const PAGE_POINTS: Record<PageSize, [number, number]> = {
  a4: [595.28, 841.89],
  letter: [612, 792],
};

/** Page sizes in twentieths of a point, as Word wants them. */
const PAGE_TWIPS: Record<PageSize, { width: number; height: number }> = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
};

const MARGIN = { top: 52, bottom: 52, left: 58, right: 58 };

interface Theme {
  /** The name (level-1 heading) and the contact lines under it. */
  headerAlign: "left" | "center";
  nameSize: number;
  nameBold: boolean;
  nameSpacing: number;
  nameColor: string;
  sectionSize: number;
  sectionSpacing: number;
  sectionColor: string;
  ruleColor: string;
  ruleWidth: number;
  entryColor: string;
  textColor: string;
  mutedColor: string;
  linkColor: string;
  bulletColor: string;
  /** A band across the top of the first page. */
  topBar?: string;
  docx: { font: string; headingFont: string };
}

/**
 * The modern template's accent is DESIGN.md's primary (#5B8CFF). On white it is under 4.5:1,
 * so it colours only the band and rules; heading text uses a darker shade of it (5.9:1).
 */
const ACCENT = "#5B8CFF";
const ACCENT_TEXT = "#2A5BD7";

const THEMES: Record<PdfTemplate, Theme> = {
  classic: {
    headerAlign: "center",
    nameSize: 23,
    nameBold: false,
    nameSpacing: 1.2,
    nameColor: "#111111",
    sectionSize: 11,
    sectionSpacing: 1,
    sectionColor: "#111111",
    ruleColor: "#8C8C8C",
    ruleWidth: 0.6,
    entryColor: "#1A1A1A",
    textColor: "#222222",
    mutedColor: "#555555",
    linkColor: "#222222",
    bulletColor: "#555555",
    docx: { font: "Cambria", headingFont: "Cambria" },
  },
  modern: {
    headerAlign: "left",
    nameSize: 25,
    nameBold: true,
    nameSpacing: 0,
    nameColor: "#0C1222",
    sectionSize: 12,
    sectionSpacing: 0.2,
    sectionColor: ACCENT_TEXT,
    ruleColor: "#C5D5FF",
    ruleWidth: 0.8,
    entryColor: "#0C1222",
    textColor: "#1E2535",
    mutedColor: "#4A5368",
    linkColor: ACCENT_TEXT,
    bulletColor: ACCENT,
    topBar: ACCENT,
    docx: { font: "Calibri", headingFont: "Calibri" },
  },
};

const BODY_SIZE = 10;
const HEADER_SIZE = 9.5;
const ENTRY_SIZE = 10.5;
const LINE_GAP = 2.2;

interface FontFiles {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
  boldItalic: Buffer;
}

// Read once per process: the four faces are ~2.5 MB and every render needs them.
let fontFiles: FontFiles | undefined;

function dejavu(): FontFiles {
  if (!fontFiles) {
    const packageJson = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json");
    const dir = join(dirname(packageJson), "ttf");
    const read = (file: string) => readFileSync(join(dir, file));
    fontFiles = {
      regular: read("DejaVuSans.ttf"),
      bold: read("DejaVuSans-Bold.ttf"),
      italic: read("DejaVuSans-Oblique.ttf"),
      boldItalic: read("DejaVuSans-BoldOblique.ttf"),
    };
  }
  return fontFiles;
}

function fontName(bold: boolean, italic: boolean): keyof FontFiles {
  if (bold) return italic ? "boldItalic" : "bold";
  return italic ? "italic" : "regular";
}

type Pdf = PDFKit.PDFDocument;

interface FlowStyle {
  x: number;
  width: number;
  size: number;
  color: string;
  bold?: boolean;
  align?: "left" | "center";
  characterSpacing?: number;
}

export async function renderPdf(markdown: string, options: RenderOptions): Promise<Uint8Array> {
  const theme = THEMES[options.template];
  const fonts = dejavu();
  const doc = new PDFDocument({
    size: PAGE_POINTS[options.pageSize],
    margins: MARGIN,
    info: { Title: options.title, Author: options.author, Creator: "AURA" },
    lang: options.language,
    displayTitle: true,
    // Tags give screen readers and parsers the headings, paragraphs and lists, in order.
    tagged: true,
    pdfVersion: "1.7",
  });
  for (const [name, data] of Object.entries(fonts)) doc.registerFont(name, data);

  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
  });
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);
  if (theme.topBar) {
    artifact(doc, () => doc.rect(0, 0, doc.page.width, 7).fill(theme.topBar));
  }
  layoutPdf(doc, root, markdownBlocks(markdown), theme);
  root.end();
  doc.end();
  await ended;
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function layoutPdf(
  doc: Pdf,
  root: PDFKit.PDFStructureElement,
  blocks: readonly DocBlock[],
  theme: Theme,
): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const tag = (type: string, draw: () => void) => root.add(doc.struct(type, {}, draw));
  // Paragraphs between the name and the first section heading are the contact lines.
  let inHeader = false;
  let headerLines = 0;
  let previous: DocBlock["kind"] | "start" = "start";

  for (const block of blocks) {
    switch (block.kind) {
      case "heading": {
        if (block.level === 1) {
          if (previous !== "start") doc.y += 10;
          tag("H1", () =>
            flow(doc, block.inlines, {
              x: left,
              width,
              size: theme.nameSize,
              color: theme.nameColor,
              bold: theme.nameBold,
              align: theme.headerAlign,
              characterSpacing: theme.nameSpacing,
            }),
          );
          doc.y += 3;
          inHeader = true;
        } else if (block.level === 2) {
          inHeader = false;
          const style: FlowStyle = {
            x: left,
            width,
            size: theme.sectionSize,
            color: theme.sectionColor,
            bold: true,
            characterSpacing: theme.sectionSpacing,
          };
          // Room for an entry heading and a line or two under it as well.
          keepWithNext(doc, block.inlines, style, 4);
          if (!atPageTop(doc)) doc.y += previous === "start" ? 0 : 13;
          tag("H2", () => flow(doc, block.inlines, style));
          const y = doc.y + 1.5;
          artifact(doc, () =>
            doc
              .moveTo(left, y)
              .lineTo(left + width, y)
              .lineWidth(theme.ruleWidth)
              .stroke(theme.ruleColor),
          );
          doc.y = y + 6;
        } else {
          inHeader = false;
          const style: FlowStyle = {
            x: left,
            width,
            size: ENTRY_SIZE,
            color: theme.entryColor,
            bold: true,
          };
          keepWithNext(doc, block.inlines, style, 2);
          if (!atPageTop(doc) && previous !== "heading") doc.y += 7;
          tag("H3", () => flow(doc, block.inlines, style));
          doc.y += 2.5;
        }
        break;
      }
      case "paragraph": {
        // The header is the name's two lines at most (headline, contact); a letter's date and
        // greeting after them are body text even with no rule or section between.
        if (inHeader && ++headerLines > MAX_HEADER_LINES) inHeader = false;
        const style: FlowStyle = inHeader
          ? {
              x: left,
              width,
              size: HEADER_SIZE,
              color: theme.mutedColor,
              align: theme.headerAlign,
            }
          : { x: left, width, size: BODY_SIZE, color: theme.textColor };
        tag("P", () => flow(doc, block.inlines, style, theme.linkColor));
        doc.y += inHeader ? 1.5 : 7;
        break;
      }
      case "list": {
        inHeader = false;
        const list = doc.struct("L");
        root.add(list);
        const indent = 15;
        block.items.forEach((item, i) => {
          doc.font("regular").fontSize(BODY_SIZE);
          const line = doc.currentLineHeight(true) + LINE_GAP;
          if (doc.y + line > doc.page.height - doc.page.margins.bottom) doc.addPage();
          const y = doc.y;
          const li = doc.struct("LI");
          list.add(li);
          li.add(
            doc.struct("Lbl", {}, () => {
              const label = block.ordered ? `${i + 1}.` : "•";
              doc
                .font("regular")
                .fontSize(BODY_SIZE)
                .fillColor(theme.bulletColor)
                .text(label, left + 3, y, { width: indent - 3, lineBreak: false });
            }),
          );
          li.add(
            doc.struct("LBody", {}, () => {
              doc.y = y;
              flow(
                doc,
                item,
                {
                  x: left + indent,
                  width: width - indent,
                  size: BODY_SIZE,
                  color: theme.textColor,
                },
                theme.linkColor,
              );
            }),
          );
          li.end();
          doc.y += 2;
        });
        list.end();
        doc.y += 4;
        break;
      }
      case "rule": {
        inHeader = false;
        const y = doc.y + 4;
        artifact(doc, () =>
          doc
            .moveTo(left, y)
            .lineTo(left + width, y)
            .lineWidth(0.5)
            .stroke(theme.ruleColor),
        );
        doc.y = y + 9;
        break;
      }
    }
    previous = block.kind;
  }
}

/** Writes styled runs as one wrapped paragraph at (style.x, doc.y). */
function flow(doc: Pdf, inlines: readonly Inline[], style: FlowStyle, linkColor?: string): void {
  const runs = inlines.flatMap(splitRightToLeft).filter((inline) => inline.text !== "");
  // pdfkit centres each continued run on its own, overlapping them; lay those lines out here.
  if (style.align === "center" && runs.length > 1) {
    centred(doc, runs, style, linkColor);
    return;
  }
  runs.forEach((run, i) => {
    const options: PDFKit.Mixins.TextOptions = {
      width: style.width,
      align: style.align ?? "left",
      lineGap: LINE_GAP,
      characterSpacing: style.characterSpacing ?? 0,
      continued: i < runs.length - 1,
      link: run.link ?? null,
      underline: run.link !== undefined,
    };
    doc
      .font(fontName(Boolean(style.bold || run.bold), Boolean(run.italic)))
      .fontSize(style.size)
      .fillColor(run.link && linkColor ? linkColor : style.color);
    if (i === 0) doc.text(run.text, style.x, doc.y, options);
    else doc.text(run.text, options);
  });
}

/** A stretch of Hebrew or Arabic, from its first right-to-left letter to its last. */
const RTL_RUN =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF](?:[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\s.,'"-]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])?/g;

/**
 * pdfkit shapes word by word and fontkit mirrors each Hebrew or Arabic word, but the words
 * still go left to right. A right-to-left stretch is therefore sent as its words in reverse
 * order, one string each, so a name like "דוד כהן" reads right. Enough for names and short
 * phrases; a right-to-left paragraph that wraps would need a real bidi layout.
 */
function splitRightToLeft(inline: Inline): Inline[] {
  if (!/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(inline.text)) return [inline];
  const parts: Inline[] = [];
  let at = 0;
  for (const match of inline.text.matchAll(RTL_RUN)) {
    if (match.index > at) parts.push({ ...inline, text: inline.text.slice(at, match.index) });
    for (const word of match[0].split(/(\s+)/).reverse()) parts.push({ ...inline, text: word });
    at = match.index + match[0].length;
  }
  if (at < inline.text.length) parts.push({ ...inline, text: inline.text.slice(at) });
  return parts;
}

interface Piece {
  run: Inline;
  text: string;
  width: number;
}

/** Greedy word wrap of mixed runs, each line centred; only for short header lines. */
function centred(doc: Pdf, runs: readonly Inline[], style: FlowStyle, linkColor?: string): void {
  const spacing = style.characterSpacing ?? 0;
  const use = (run: Inline) =>
    doc
      .font(fontName(Boolean(style.bold || run.bold), Boolean(run.italic)))
      .fontSize(style.size)
      .fillColor(run.link && linkColor ? linkColor : style.color);
  const lines: Piece[][] = [[]];
  let lineWidth = 0;
  for (const run of runs) {
    use(run);
    for (const part of run.text.split(/(\n|\s+)/)) {
      if (part === "") continue;
      if (part === "\n") {
        lines.push([]);
        lineWidth = 0;
        continue;
      }
      const width = doc.widthOfString(part, { characterSpacing: spacing });
      const line = lines.at(-1) ?? [];
      const blank = part.trim() === "";
      if (blank && line.length === 0) continue;
      if (!blank && line.length > 0 && lineWidth + width > style.width) {
        while (line.at(-1)?.text.trim() === "") lineWidth -= line.pop()?.width ?? 0;
        lines.push([{ run, text: part, width }]);
        lineWidth = width;
        continue;
      }
      line.push({ run, text: part, width });
      lineWidth += width;
    }
  }
  for (const line of lines) {
    while (line.at(-1)?.text.trim() === "") line.pop();
    const total = line.reduce((sum, piece) => sum + piece.width, 0);
    let x = style.x + (style.width - total) / 2;
    const y = doc.y;
    // Neighbouring pieces of one run go out as one string, so the text reads back whole.
    const segments: Piece[] = [];
    for (const piece of line) {
      const last = segments.at(-1);
      if (last && last.run === piece.run) {
        last.text += piece.text;
        last.width += piece.width;
      } else segments.push({ ...piece });
    }
    for (const segment of segments) {
      use(segment.run).text(segment.text, x, y, {
        lineBreak: false,
        characterSpacing: spacing,
        link: segment.run.link ?? null,
        underline: segment.run.link !== undefined,
      });
      x += segment.width;
    }
    use(runs[0] ?? { text: "" });
    doc.y = y + doc.currentLineHeight(true) + LINE_GAP;
  }
}

function atPageTop(doc: Pdf): boolean {
  return doc.y <= doc.page.margins.top + 0.5;
}

/** Starts a new page when a heading and the first lines under it would not fit. */
function keepWithNext(doc: Pdf, inlines: readonly Inline[], style: FlowStyle, lines: number): void {
  if (atPageTop(doc)) return;
  doc.font(style.bold ? "bold" : "regular").fontSize(style.size);
  const heading = doc.heightOfString(inlines.map((inline) => inline.text).join(""), {
    width: style.width,
    lineGap: LINE_GAP,
  });
  doc.font("regular").fontSize(BODY_SIZE);
  const body = lines * (doc.currentLineHeight(true) + LINE_GAP);
  if (doc.y + 16 + heading + body > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Decoration outside the tag tree, so readers skip it. */
function artifact(doc: Pdf, draw: () => void): void {
  doc.save();
  doc.markContent("Artifact", { type: "Layout" });
  draw();
  doc.endMarkedContent();
  doc.restore();
}

export async function renderDocx(markdown: string, options: RenderOptions): Promise<Uint8Array> {
  const theme = THEMES[options.template];
  const font = theme.docx.font;
  const hex = (color: string) => color.replace("#", "");
  const paragraphs: Paragraph[] = [];
  let inHeader = false;
  let headerLines = 0;
  let orderedLists = 0;

  for (const block of markdownBlocks(markdown)) {
    switch (block.kind) {
      case "heading": {
        inHeader = block.level === 1;
        const heading = {
          1: HeadingLevel.HEADING_1,
          2: HeadingLevel.HEADING_2,
          3: HeadingLevel.HEADING_3,
        }[block.level];
        paragraphs.push(
          new Paragraph({
            heading,
            alignment: block.level === 1 ? alignmentOf(theme.headerAlign) : undefined,
            children: docxRuns(block.inlines, hex(theme.linkColor)),
          }),
        );
        break;
      }
      case "paragraph":
        if (inHeader && ++headerLines > MAX_HEADER_LINES) inHeader = false;
        paragraphs.push(
          new Paragraph({
            style: inHeader ? "Contact" : undefined,
            alignment: inHeader ? alignmentOf(theme.headerAlign) : undefined,
            children: docxRuns(block.inlines, hex(theme.linkColor)),
          }),
        );
        break;
      case "list": {
        inHeader = false;
        // Each numbered list restarts at 1.
        const instance = block.ordered ? ++orderedLists : 0;
        for (const item of block.items) {
          paragraphs.push(
            new Paragraph({
              numbering: { reference: block.ordered ? "numbers" : "bullets", level: 0, instance },
              children: docxRuns(item, hex(theme.linkColor)),
            }),
          );
        }
        break;
      }
      case "rule":
        inHeader = false;
        paragraphs.push(
          new Paragraph({
            border: {
              bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(theme.ruleColor), space: 1 },
            },
            spacing: { after: 160 },
          }),
        );
        break;
    }
  }

  const listLevel = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: 0,
    format,
    text,
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: { indent: { left: 360, hanging: 240 }, spacing: { after: 40 } },
      run: format === LevelFormat.BULLET ? { color: hex(theme.bulletColor) } : undefined,
    },
  });

  const document = new Document({
    title: options.title,
    creator: options.author,
    lastModifiedBy: options.author,
    description: options.title,
    styles: {
      default: {
        document: {
          run: {
            font,
            size: BODY_SIZE * 2 + 1,
            color: hex(theme.textColor),
            language: { value: options.language },
          },
          paragraph: { spacing: { after: 100, line: 264 } },
        },
        heading1: {
          run: {
            font: theme.docx.headingFont,
            size: theme.nameSize * 2,
            bold: theme.nameBold,
            color: hex(theme.nameColor),
            characterSpacing: Math.round(theme.nameSpacing * 20),
          },
          paragraph: { spacing: { before: 0, after: 60 }, keepNext: true },
        },
        heading2: {
          run: {
            font: theme.docx.headingFont,
            size: theme.sectionSize * 2 + 1,
            bold: true,
            color: hex(theme.sectionColor),
            characterSpacing: Math.round(theme.sectionSpacing * 20),
          },
          paragraph: {
            spacing: { before: 280, after: 120 },
            keepNext: true,
            border: {
              bottom: { style: BorderStyle.SINGLE, size: 6, color: hex(theme.ruleColor), space: 2 },
            },
          },
        },
        heading3: {
          run: {
            font: theme.docx.headingFont,
            size: ENTRY_SIZE * 2 + 1,
            bold: true,
            color: hex(theme.entryColor),
          },
          paragraph: { spacing: { before: 160, after: 60 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: "Contact",
          name: "Contact",
          basedOn: "Normal",
          next: "Normal",
          run: { size: HEADER_SIZE * 2 + 1, color: hex(theme.mutedColor) },
          paragraph: { spacing: { after: 40 } },
        },
      ],
    },
    numbering: {
      config: [
        { reference: "bullets", levels: [listLevel(LevelFormat.BULLET, "•")] },
        { reference: "numbers", levels: [listLevel(LevelFormat.DECIMAL, "%1.")] },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE_TWIPS[options.pageSize],
            margin: {
              top: MARGIN.top * 20,
              bottom: MARGIN.bottom * 20,
              left: MARGIN.left * 20,
              right: MARGIN.right * 20,
            },
          },
        },
        children: paragraphs,
      },
    ],
  });
  const bytes = await Packer.toBuffer(document);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function alignmentOf(align: "left" | "center") {
  return align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT;
}

/** Word runs for inlines: hard line breaks become breaks, links real hyperlinks. */
function docxRuns(inlines: readonly Inline[], linkColor: string): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  for (const inline of inlines) {
    const runs = inline.text.split("\n").map(
      (text, i) =>
        new TextRun({
          text,
          bold: inline.bold,
          italics: inline.italic,
          break: i > 0 ? 1 : undefined,
          ...(inline.link ? { color: linkColor, underline: {} } : {}),
        }),
    );
    if (inline.link) children.push(new ExternalHyperlink({ link: inline.link, children: runs }));
    else children.push(...runs);
  }
  return children;
}

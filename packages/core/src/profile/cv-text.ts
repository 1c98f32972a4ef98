/**
 * Plain text out of an uploaded CV: txt, md, pdf or docx. The format comes from the file's
 * extension and must be confirmed by its first bytes; anything we cannot read becomes an
 * `invalid_input` error about the `cv` field, worded for the person who uploaded it.
 */
import mammoth from "mammoth";
import { extractText as extractPdfText } from "unpdf";
import { AppError } from "../errors.ts";
import { spacedLetters } from "./cv-sections.ts";

export type CvFormat = "txt" | "md" | "pdf" | "docx";

export interface CvFile {
  name: string;
  bytes: Uint8Array;
}

export interface CvText {
  text: string;
  format: CvFormat;
}

export const MAX_CV_BYTES = 5 * 1024 * 1024;

const FORMATS_BY_EXTENSION: Record<string, CvFormat> = {
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  pdf: "pdf",
  docx: "docx",
};

const SUPPORTED = "PDF, DOCX, TXT or MD";

function invalid(message: string, cause?: unknown): AppError {
  return new AppError("invalid_input", message, { field: "cv", cause });
}

function formatOf(name: string): CvFormat {
  const dot = name.lastIndexOf(".");
  const extension = dot >= 0 ? name.slice(dot + 1).toLowerCase() : "";
  const format = FORMATS_BY_EXTENSION[extension];
  if (!format) {
    throw invalid(
      extension
        ? `CV files of type .${extension} are not supported; upload a ${SUPPORTED} file.`
        : `The CV file "${name}" has no extension; upload a ${SUPPORTED} file.`,
    );
  }
  return format;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte);
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4"

/** PDF readers accept a little junk before the header; so do we, within the first KiB. */
function looksLikePdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let at = 0; at <= limit; at++) {
    if (startsWith(bytes, PDF_MAGIC, at)) return true;
  }
  return false;
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC);
}

function checkContent(format: CvFormat, bytes: Uint8Array, name: string): void {
  const mismatch = (what: string) =>
    invalid(
      `The CV file "${name}" does not look like a ${what} file; it may be damaged or renamed. Save it again as ${SUPPORTED} and upload it again.`,
    );
  switch (format) {
    case "pdf":
      if (!looksLikePdf(bytes)) throw mismatch("PDF");
      return;
    case "docx":
      if (!looksLikeZip(bytes)) throw mismatch("Word (.docx)");
      return;
    case "txt":
    case "md":
      if (looksLikePdf(bytes) || looksLikeZip(bytes) || bytes.includes(0)) {
        throw mismatch("plain text");
      }
  }
}

function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: most likely a legacy Western encoding. The web's "latin1" is windows-1252.
    text = new TextDecoder("latin1").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Collapse runs of spaces to one space and runs holding a tab to one tab (a tab parts columns:
 * "Developer<tab>Acme" must not read as one phrase), drop blank-line runs to one paragraph
 * break, trim. A line of spaced letters ("W O R K  E X P E R I E N C E") keeps its wider gaps,
 * which are all that part its words.
 */
function tidy(text: string): string {
  return normalizeLineEndings(text)
    .split("\n")
    .map((line) => {
      const spaced = spacedLetters(line) !== null;
      return line
        .trim()
        .replace(/[^\S\n]+/g, (run) =>
          run.includes("\t") ? "\t" : spaced && run.length > 1 ? "  " : " ",
        );
    })
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The parts of mammoth's document model read here (its README: "Document transforms"). */
interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
}

/**
 * Plain text of a document as mammoth's `extractRawText` gives it (a blank line after each
 * paragraph, list item, heading or table cell paragraph), except that a line break inside a
 * paragraph (`<w:br/>`: Shift+Enter, and how many PDF-to-Word converters end every line) is a
 * new line where `extractRawText` drops it and glues the words on either side together. A
 * page or column break inside a paragraph is a new line too; a tab stays a tab.
 */
function docxPlainText(element: DocxElement): string {
  switch (element.type) {
    case "text":
      return element.value ?? "";
    case "tab":
      return "\t";
    case "break":
      return "\n";
  }
  const inner = (element.children ?? []).map(docxPlainText).join("");
  return element.type === "paragraph" ? `${inner}\n\n` : inner;
}

async function docxText(bytes: Uint8Array, name: string): Promise<string> {
  try {
    // mammoth reads the document and hands it to `transformDocument` before writing HTML: it
    // is read from there, and an empty document is left to convert (no HTML, no images).
    let document: DocxElement | undefined;
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        transformDocument: (read: DocxElement) => {
          document = read;
          return { ...read, children: [] };
        },
      },
    );
    if (!document) throw new Error("mammoth read no document");
    return docxPlainText(document);
  } catch (error) {
    throw invalid(
      `The CV file "${name}" could not be read as a Word document; it may be damaged. Save it again as DOCX or PDF and upload it again.`,
      error,
    );
  }
}

async function pdfText(bytes: Uint8Array, name: string): Promise<string> {
  try {
    // pdf.js may take ownership of the buffer it is given: hand it a copy.
    // A copy as a plain Uint8Array: unpdf refuses Node's Buffer (and may detach what it gets).
    const { text } = await extractPdfText(new Uint8Array(bytes), { mergePages: false });
    return text.map((page) => page.trim()).join("\n\n");
  } catch (error) {
    throw invalid(
      `The CV file "${name}" could not be read as a PDF; it may be damaged or password-protected. Export it again as PDF or DOCX and upload it again.`,
      error,
    );
  }
}

export async function extractCvText(file: CvFile): Promise<CvText> {
  const { name, bytes } = file;
  const format = formatOf(name);
  if (bytes.length === 0) {
    throw invalid(`The CV file "${name}" is empty; upload a CV with some text in it.`);
  }
  if (bytes.length > MAX_CV_BYTES) {
    throw invalid(
      `The CV file "${name}" is larger than 5 MB; upload a smaller file (a text-only PDF or DOCX is usually well under 1 MB).`,
    );
  }
  checkContent(format, bytes, name);

  if (format === "txt" || format === "md") {
    const text = normalizeLineEndings(decodeText(bytes)).trim();
    if (!text) throw invalid(`The CV file "${name}" has no text in it; upload a CV with text.`);
    return { text, format };
  }

  const raw = format === "docx" ? await docxText(bytes, name) : await pdfText(bytes, name);
  const text = tidy(raw);
  if (!text) {
    throw invalid(
      format === "pdf"
        ? `No text could be found in the CV file "${name}"; it may be a scanned image. Upload a PDF with selectable text, or a DOCX or TXT file.`
        : `No text could be found in the CV file "${name}"; upload a DOCX with text in it, or a PDF or TXT file.`,
    );
  }
  return { text, format };
}

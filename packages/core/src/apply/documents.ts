import { foldAccents } from "../shared/fold.ts";
import type { Application } from "./applications.ts";
import { type PageSize, type PdfTemplate, renderDocx, renderPdf } from "./render-document.ts";

export const DOCUMENT_KINDS = ["cv", "letter"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_FORMATS = ["md", "pdf", "docx"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface RenderedDocument {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  md: "text/markdown; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** "Ana Souza – CV – 3Pillar.pdf", with only characters every file system takes. */
function fileName(application: Application, kind: DocumentKind, format: DocumentFormat) {
  const person = /^#\s+(.+)$/m.exec(application.cv)?.[1]?.trim() ?? "";
  const parts = [person, kind === "cv" ? "CV" : "Cover letter", application.job.company]
    .map((part) =>
      foldAccents(part)
        .replace(/[^\w .-]+/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter(Boolean);
  return `${parts.join(" - ").slice(0, 120) || kind}.${format}`;
}

/** One of an application's documents in a format: the Markdown as stored, or rendered. */
export async function renderApplicationDocument(
  application: Application,
  kind: DocumentKind,
  format: DocumentFormat,
  options: { template: PdfTemplate; pageSize: PageSize },
): Promise<RenderedDocument> {
  const markdown = kind === "cv" ? application.cv : application.letter;
  const name = fileName(application, kind, format);
  if (format === "md") {
    return {
      bytes: new TextEncoder().encode(markdown),
      fileName: name,
      contentType: CONTENT_TYPES.md,
    };
  }
  const renderOptions = {
    template: options.template,
    pageSize: options.pageSize,
    title: name.replace(/\.\w+$/, ""),
    author: /^#\s+(.+)$/m.exec(application.cv)?.[1]?.trim() ?? "",
    language: application.generation.language || "en",
  };
  const bytes =
    format === "pdf"
      ? await renderPdf(markdown, renderOptions)
      : await renderDocx(markdown, renderOptions);
  return { bytes, fileName: name, contentType: CONTENT_TYPES[format] };
}

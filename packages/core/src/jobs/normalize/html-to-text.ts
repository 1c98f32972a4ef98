import { decodeHTML } from "entities";
import { Parser } from "htmlparser2";

/** Elements whose content is never shown to a reader. */
const HIDDEN = new Set([
  "script",
  "style",
  "noscript",
  "iframe",
  "svg",
  "math",
  "head",
  "template",
  "title",
  "object",
  "select",
]);

/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "nav",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "caption",
  "blockquote",
  "pre",
  "dl",
  "dt",
  "dd",
  "figure",
  "figcaption",
  "form",
  "fieldset",
  "address",
  "details",
  "summary",
  "center",
  "hr",
]);

const LISTS = new Set(["ul", "ol", "menu", "dir"]);
const CELLS = new Set(["td", "th"]);

const REAL_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;
const ESCAPED_TAG = /&lt;\/?[a-z][a-z0-9]*(?:\s|\/|&gt;)/i;
const TAG_LIKE = /<[a-z!/]/i;
/** Characters that take space on no screen (zero-width space, BOM, soft hyphen). */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;
/** Every kind of horizontal space, no-break spaces included. */
const SPACES = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * Clean text from HTML: paragraphs and other blocks separated by one blank line,
 * `<br>` as a line break, list items as "- " lines, hidden content (scripts,
 * styles, SVG, ...) dropped, entities decoded, spaces collapsed, lines trimmed.
 * Plain text keeps its line breaks. Greenhouse's twice-escaped HTML is unescaped
 * once before parsing. Linear in the input.
 */
export function htmlToText(input: string): string {
  if (typeof input !== "string" || input.length === 0) return "";
  const html = unescapeDoubleEscaped(input);
  const text = TAG_LIKE.test(html) ? renderHtml(dropCutOffTag(html)) : decodeHTML(html);
  return tidyLines(text);
}

/**
 * Some boards (Greenhouse) escape their HTML a second time: the content is
 * `&lt;p&gt;Hello&lt;/p&gt;`. When escaped tags appear and real ones do not,
 * decode one level (twice at most, for triple escaping).
 */
function unescapeDoubleEscaped(input: string): string {
  let html = input;
  for (let i = 0; i < 2 && ESCAPED_TAG.test(html) && !REAL_TAG.test(html); i++) {
    html = decodeHTML(html);
  }
  return html;
}

/**
 * Boards that truncate HTML can leave a tag cut in half at the end ("… <a hre");
 * the parser would print it as text, a browser would not.
 */
function dropCutOffTag(html: string): string {
  const open = html.lastIndexOf("<");
  if (open === -1 || html.lastIndexOf(">") > open) return html;
  return /^<[a-z/!]/i.test(html.slice(open, open + 2)) ? html.slice(0, open) : html;
}

/** Runs htmlparser2 over the input and writes text with line-break markers. */
function renderHtml(html: string): string {
  const out = new TextWriter();
  let hiddenDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hiddenDepth++;
        if (hiddenDepth > 0) return;
        out.open(name);
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) {
          hiddenDepth = Math.max(0, hiddenDepth - 1);
          return;
        }
        if (hiddenDepth > 0) return;
        out.close(name);
      },
      ontext(data) {
        if (hiddenDepth === 0) out.text(data);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.result();
}

/**
 * Accumulates text and the breaks blocks ask for. A break is only written when
 * text follows it, so empty paragraphs and nested wrappers add no blank lines.
 */
class TextWriter {
  private readonly parts: string[] = [];
  /** Newlines wanted before the next text: 0, 1 (line break) or 2 (blank line). */
  private pendingBreak = 0;
  private atStart = true;
  private listDepth = 0;
  private itemDepth = 0;
  private preDepth = 0;
  /** A list item opened and its "- " is not written yet. */
  private pendingBullet = false;
  /** A list closed and no text followed yet: a list right after it continues it. */
  private afterList = false;

  open(name: string): void {
    if (name === "br") {
      if (!this.pendingBullet) this.pendingBreak = Math.min(2, this.pendingBreak + 1);
    } else if (name === "li") {
      this.itemDepth++;
      this.breakAtLeast(1);
      this.pendingBullet = true;
    } else if (LISTS.has(name)) {
      this.listDepth++;
      // Some boards wrap every item in its own <ul>: keep such items together.
      if (this.afterList && this.pendingBreak === 2) this.pendingBreak = 1;
      else this.breakAtLeast(this.blockBreak());
    } else if (BLOCKS.has(name)) {
      if (name === "pre") this.preDepth++;
      this.breakAtLeast(this.blockBreak());
    } else if (CELLS.has(name)) {
      this.space();
    }
  }

  close(name: string): void {
    if (name === "li") {
      this.itemDepth = Math.max(0, this.itemDepth - 1);
      this.pendingBullet = false;
      this.breakAtLeast(1);
    } else if (LISTS.has(name)) {
      this.listDepth = Math.max(0, this.listDepth - 1);
      this.breakAtLeast(this.blockBreak());
      if (this.listDepth === 0) this.afterList = true;
    } else if (BLOCKS.has(name)) {
      if (name === "pre") this.preDepth = Math.max(0, this.preDepth - 1);
      this.breakAtLeast(this.blockBreak());
    } else if (CELLS.has(name)) {
      this.space();
    }
  }

  text(data: string): void {
    const cleaned = this.preDepth > 0 ? data.replace(/\r\n?/g, "\n") : data.replace(/\s+/g, " ");
    if (cleaned.trim() === "") {
      // Whitespace between blocks means nothing; between inline elements it is a space.
      if (this.pendingBreak === 0 && !this.atStart && !this.pendingBullet) this.space();
      return;
    }
    this.flushBreak();
    if (this.pendingBullet) {
      this.parts.push("- ");
      this.pendingBullet = false;
    }
    this.parts.push(cleaned);
    this.atStart = false;
    this.afterList = false;
  }

  result(): string {
    return this.parts.join("");
  }

  /** Inside a list item, blocks only break the line: items stay one per line. */
  private blockBreak(): number {
    return this.itemDepth > 0 ? 1 : 2;
  }

  private breakAtLeast(n: number): void {
    if (this.pendingBullet) return; // the item's own line is already pending
    this.pendingBreak = Math.max(this.pendingBreak, n);
  }

  private space(): void {
    if (!this.atStart && this.pendingBreak === 0) this.parts.push(" ");
  }

  private flushBreak(): void {
    if (!this.atStart && this.pendingBreak > 0) this.parts.push("\n".repeat(this.pendingBreak));
    this.pendingBreak = 0;
  }
}

/** Trims every line, collapses spaces, and keeps at most one blank line in a row. */
function tidyLines(text: string): string {
  const lines = text.replace(INVISIBLE, "").replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  let blank = true; // no blank lines at the start
  for (const raw of lines) {
    const line = raw.replace(SPACES, " ").trim();
    if (line === "" || line === "-") {
      if (!blank) kept.push("");
      blank = true;
      continue;
    }
    kept.push(line);
    blank = false;
  }
  while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop();
  return kept.join("\n");
}

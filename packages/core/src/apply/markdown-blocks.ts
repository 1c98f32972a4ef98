/**
 * Markdown cut into the few blocks an application document needs (headings, paragraphs, lists,
 * rules), shared by the PDF and DOCX renderers. It reads marked's tokens, never its HTML, so raw
 * HTML in a generated CV stays visible text and can't inject markup.
 */
import { decodeHTML } from "entities";
import { Lexer, type Token, type Tokens } from "marked";

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

export type DocBlock =
  | { kind: "heading"; level: 1 | 2 | 3; inlines: Inline[] }
  | { kind: "paragraph"; inlines: Inline[] }
  /** `ordered` is set only for numbered lists; nested items are flattened into `items`. */
  | { kind: "list"; items: Inline[][]; ordered?: boolean }
  | { kind: "rule" };

interface Style {
  bold: boolean;
  italic: boolean;
  link?: string;
}

const PLAIN: Style = { bold: false, italic: false };

export function markdownBlocks(markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  if (markdown.trim() === "") return blocks;
  addBlocks(Lexer.lex(markdown), blocks);
  return blocks;
}

function addBlocks(tokens: readonly Token[], out: DocBlock[]): void {
  for (const token of tokens) addBlock(token, out);
}

function addBlock(token: Token, out: DocBlock[]): void {
  switch (token.type) {
    case "heading": {
      const t = token as Tokens.Heading;
      const inlines = tidy(inlinesOf(t.tokens));
      const level = Math.min(Math.max(t.depth, 1), 3) as 1 | 2 | 3;
      if (inlines.length > 0) out.push({ kind: "heading", level, inlines });
      return;
    }
    case "paragraph":
    case "text": {
      const t = token as Tokens.Paragraph | Tokens.Text;
      paragraph(t.tokens ? inlinesOf(t.tokens) : [plain(decodeHTML(t.text))], out);
      return;
    }
    case "list": {
      const t = token as Tokens.List;
      const items: Inline[][] = [];
      listItems(t, items);
      if (items.length === 0) return;
      out.push(t.ordered ? { kind: "list", items, ordered: true } : { kind: "list", items });
      return;
    }
    case "hr":
      out.push({ kind: "rule" });
      return;
    case "html":
      // Raw HTML is shown as the characters written, never interpreted.
      paragraph([plain((token as Tokens.HTML).text)], out);
      return;
    case "code":
      paragraph([plain((token as Tokens.Code).text)], out);
      return;
    case "blockquote":
      addBlocks((token as Tokens.Blockquote).tokens, out);
      return;
    case "table": {
      const t = token as Tokens.Table;
      paragraph(joinCells(t.header, { ...PLAIN, bold: true }), out);
      for (const row of t.rows) paragraph(joinCells(row, PLAIN), out);
      return;
    }
    case "space":
    case "def":
      return;
    default: {
      // Extensions or future token kinds: keep their text rather than lose it.
      const generic = token as Tokens.Generic;
      if (generic.tokens) paragraph(inlinesOf(generic.tokens), out);
      else if (typeof generic.text === "string") paragraph([plain(generic.text)], out);
    }
  }
}

function paragraph(inlines: Inline[], out: DocBlock[]): void {
  const tidied = tidy(inlines);
  if (tidied.length > 0) out.push({ kind: "paragraph", inlines: tidied });
}

/** One item per list entry, nested entries following their parent in source order. */
function listItems(list: Tokens.List, items: Inline[][]): void {
  for (const item of list.items) {
    const inlines: Inline[] = [];
    const nested: Tokens.List[] = [];
    for (const child of item.tokens) {
      if (child.type === "list") {
        nested.push(child as Tokens.List);
        continue;
      }
      const blocks: DocBlock[] = [];
      if (child.type === "checkbox") {
        inlines.push(plain((child as Tokens.Checkbox).checked ? "[x] " : "[ ] "));
        continue;
      }
      addBlock(child, blocks);
      for (const block of blocks) {
        const text = blockInlines(block);
        if (text.length === 0) continue;
        if (inlines.length > 0) inlines.push(plain(" "));
        inlines.push(...text);
      }
    }
    const tidied = tidy(inlines);
    if (tidied.length > 0) items.push(tidied);
    for (const sub of nested) listItems(sub, items);
  }
}

function blockInlines(block: DocBlock): Inline[] {
  switch (block.kind) {
    case "heading":
    case "paragraph":
      return block.inlines;
    case "list":
      return block.items.flatMap((item, i) => (i === 0 ? item : [plain(" "), ...item]));
    case "rule":
      return [];
  }
}

function joinCells(cells: readonly Tokens.TableCell[], style: Style): Inline[] {
  return cells.flatMap((cell, i) => [
    ...(i === 0 ? [] : [plain(" | ")]),
    ...inlinesOf(cell.tokens, style),
  ]);
}

function plain(text: string): Inline {
  return { text };
}

function inlinesOf(tokens: readonly Token[], style: Style = PLAIN): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens) addInline(token, style, out);
  return out;
}

function addInline(token: Token, style: Style, out: Inline[]): void {
  switch (token.type) {
    case "text": {
      const t = token as Tokens.Text;
      if (t.tokens) {
        for (const child of t.tokens) addInline(child, style, out);
      } else {
        // A soft line break inside a paragraph reads as a space.
        push(out, decodeHTML(t.text).replace(/\s*\n\s*/g, " "), style);
      }
      return;
    }
    case "escape":
      push(out, (token as Tokens.Escape).text, style);
      return;
    case "strong":
      for (const child of (token as Tokens.Strong).tokens) {
        addInline(child, { ...style, bold: true }, out);
      }
      return;
    case "em":
      for (const child of (token as Tokens.Em).tokens) {
        addInline(child, { ...style, italic: true }, out);
      }
      return;
    case "del":
      for (const child of (token as Tokens.Del).tokens) addInline(child, style, out);
      return;
    case "codespan":
      push(out, (token as Tokens.Codespan).text.replace(/\n/g, " "), style);
      return;
    case "link": {
      const t = token as Tokens.Link;
      const raw = t.autolink ? t.href : decodeHTML(t.href);
      // Only web and mail links become links; "javascript:" and the like stay plain text.
      const href = /^(https?:|mailto:)/i.test(raw.trim()) ? raw.trim() : undefined;
      const before = out.length;
      for (const child of t.tokens) addInline(child, { ...style, link: href }, out);
      if (out.length === before) push(out, raw, { ...style, link: href });
      return;
    }
    case "image":
      push(out, decodeHTML((token as Tokens.Image).text), style);
      return;
    case "br":
      push(out, "\n", style);
      return;
    case "html":
      push(out, (token as Tokens.Tag).text, style);
      return;
    case "checkbox":
      push(out, (token as Tokens.Checkbox).checked ? "[x] " : "[ ] ", style);
      return;
    default: {
      const generic = token as Tokens.Generic;
      if (generic.tokens) {
        for (const child of generic.tokens) addInline(child, style, out);
      } else if (typeof generic.text === "string") {
        push(out, generic.text, style);
      }
    }
  }
}

/** Appends a run, merging it into the previous one when they look the same. */
function push(out: Inline[], text: string, style: Style): void {
  if (text === "") return;
  const last = out.at(-1);
  if (
    last &&
    Boolean(last.bold) === style.bold &&
    Boolean(last.italic) === style.italic &&
    last.link === style.link
  ) {
    last.text += text;
    return;
  }
  const inline: Inline = { text };
  if (style.bold) inline.bold = true;
  if (style.italic) inline.italic = true;
  if (style.link !== undefined) inline.link = style.link;
  out.push(inline);
}

/** Merges equal neighbours, trims the ends and drops empty runs. */
function tidy(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    push(out, inline.text, {
      bold: Boolean(inline.bold),
      italic: Boolean(inline.italic),
      link: inline.link,
    });
  }
  while (out[0] && out[0].text.trim() === "") out.shift();
  while (out.at(-1)?.text.trim() === "") out.pop();
  const first = out[0];
  if (first) first.text = first.text.replace(/^\s+/, "");
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/\s+$/, "");
  return out;
}

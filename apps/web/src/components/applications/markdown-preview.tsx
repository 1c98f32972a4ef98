import { Lexer, type Token, type Tokens } from "marked";
import type { ReactNode } from "react";

/**
 * Markdown shown as React elements, read from marked's tokens and never from its HTML: a
 * document's text comes partly from job postings, so raw HTML in it stays visible characters
 * and only http(s) and mailto links become links.
 */
export function MarkdownPreview({ markdown, label }: { markdown: string; label: string }) {
  return (
    <article
      aria-label={label}
      className="flex min-w-0 flex-col gap-3 break-words text-sm leading-relaxed"
    >
      {blocks(Lexer.lex(markdown), "b")}
    </article>
  );
}

/** One line of Markdown (bold, links…) as inline elements, e.g. a sentence the guard left out. */
export function InlineMarkdown({ markdown }: { markdown: string }) {
  return <>{inlines(Lexer.lexInline(markdown), "i")}</>;
}

function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function blocks(tokens: readonly Token[], key: string): ReactNode[] {
  return tokens.map((token, i) => block(token, `${key}.${i}`));
}

function block(token: Token, key: string): ReactNode {
  switch (token.type) {
    case "heading": {
      const t = token as Tokens.Heading;
      const content = inlines(t.tokens, key);
      if (t.depth <= 1) {
        return (
          <h3 key={key} className="text-xl font-bold">
            {content}
          </h3>
        );
      }
      if (t.depth === 2) {
        return (
          <h4
            key={key}
            className="mt-2 border-b border-border pb-1 text-base font-semibold uppercase tracking-wide"
          >
            {content}
          </h4>
        );
      }
      return (
        <h5 key={key} className="font-semibold">
          {content}
        </h5>
      );
    }
    case "paragraph": {
      const t = token as Tokens.Paragraph;
      return <p key={key}>{inlines(t.tokens, key)}</p>;
    }
    case "text": {
      const t = token as Tokens.Text;
      return <p key={key}>{t.tokens ? inlines(t.tokens, key) : t.text}</p>;
    }
    case "list": {
      const t = token as Tokens.List;
      const items = t.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a document's blocks are keyed by their place
        <li key={`${key}.${i}`}>{listItem(item, `${key}.${i}`)}</li>
      ));
      return t.ordered ? (
        <ol key={key} className="list-decimal pl-5">
          {items}
        </ol>
      ) : (
        <ul key={key} className="list-disc pl-5">
          {items}
        </ul>
      );
    }
    case "blockquote": {
      const t = token as Tokens.Blockquote;
      return (
        <blockquote key={key} className="border-l-2 border-border pl-3 text-muted">
          {blocks(t.tokens, key)}
        </blockquote>
      );
    }
    case "code":
      return (
        <pre key={key} className="overflow-x-auto rounded bg-surface-2 p-2 text-xs">
          {(token as Tokens.Code).text}
        </pre>
      );
    case "hr":
      return <hr key={key} className="border-border" />;
    case "table": {
      const t = token as Tokens.Table;
      return (
        <table key={key} className="w-full text-left">
          <thead>
            <tr>
              {t.header.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                <th key={i} scope="col" className="pr-3 font-semibold">
                  {inlines(cell.tokens, `${key}.h${i}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {t.rows.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <tr key={r}>
                {row.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                  <td key={c} className="pr-3">
                    {inlines(cell.tokens, `${key}.${r}.${c}`)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case "html":
      // Raw HTML is shown as the characters written, never interpreted.
      return <p key={key}>{(token as Tokens.HTML).text}</p>;
    case "space":
      return null;
    default:
      return "raw" in token ? <p key={key}>{String(token.raw)}</p> : null;
  }
}

/** A list item: its text inline (a tight list), its nested lists as blocks. */
function listItem(item: Tokens.ListItem, key: string): ReactNode[] {
  return item.tokens.map((token, i) => {
    const k = `${key}.${i}`;
    if (token.type === "text") {
      const t = token as Tokens.Text;
      return <span key={k}>{t.tokens ? inlines(t.tokens, k) : t.text}</span>;
    }
    return block(token, k);
  });
}

function inlines(tokens: readonly Token[] | undefined, key: string): ReactNode[] {
  return (tokens ?? []).map((token, i) => inline(token, `${key}.${i}`));
}

function inline(token: Token, key: string): ReactNode {
  switch (token.type) {
    case "strong":
      return <strong key={key}>{inlines((token as Tokens.Strong).tokens, key)}</strong>;
    case "em":
      return <em key={key}>{inlines((token as Tokens.Em).tokens, key)}</em>;
    case "del":
      return <del key={key}>{inlines((token as Tokens.Del).tokens, key)}</del>;
    case "codespan":
      return (
        <code key={key} className="rounded bg-surface-2 px-1">
          {(token as Tokens.Codespan).text}
        </code>
      );
    case "br":
      return <br key={key} />;
    case "link": {
      const t = token as Tokens.Link;
      const href = safeHref(t.href);
      const content = inlines(t.tokens, key);
      return href ? (
        <a
          key={key}
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="underline"
        >
          {content}
        </a>
      ) : (
        <span key={key}>{content}</span>
      );
    }
    case "image":
      return <span key={key}>{(token as Tokens.Image).text}</span>;
    case "text": {
      const t = token as Tokens.Text;
      return t.tokens ? <span key={key}>{inlines(t.tokens, key)}</span> : t.text;
    }
    case "escape":
      return (token as Tokens.Escape).text;
    case "html":
      return (token as Tokens.HTML).text;
    default:
      return "raw" in token ? String(token.raw) : null;
  }
}

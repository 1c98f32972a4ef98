import { XMLParser } from "fast-xml-parser";
import { AppError } from "../../errors.ts";
import type { FetchContext } from "../types.ts";
import type { WeWorkRemotelyOptions } from "./types.ts";

const parser = new XMLParser({
  ignoreAttributes: true,
  // Keep every value as text: a title "1999" or a guid "0123" must not become a number.
  parseTagValue: false,
  // XML entities and character references are decoded once; CDATA is kept as written.
  processEntities: true,
  htmlEntities: true,
  isArray: (_name, jpath) => jpath === "rss.channel.item",
});

/** The `<item>`s of an RSS 2.0 feed; a feed with one item gives an array of one. */
export function parseRssItems(xml: string, url: string): unknown[] {
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch (cause) {
    throw new AppError("upstream", `We Work Remotely: ${url} sent unreadable XML`, { cause });
  }
  const channel = (document as { rss?: { channel?: unknown } } | null)?.rss?.channel;
  if (!channel || typeof channel !== "object") {
    throw new AppError("upstream", `We Work Remotely: ${url} is not an RSS feed`);
  }
  const items = (channel as { item?: unknown }).item;
  if (items === undefined || items === null || items === "") return [];
  return Array.isArray(items) ? items : [items];
}

/** One request per feed: the main feed, or each configured category's feed. */
export async function* fetchWeWorkRemotely(context: FetchContext<WeWorkRemotelyOptions>) {
  const feeds = context.options.categories.length
    ? context.options.categories.map((slug) => `${context.baseUrl}/categories/${slug}.rss`)
    : [`${context.baseUrl}/remote-jobs.rss`];
  for (const url of feeds) {
    const items = parseRssItems(await context.http.getText(url), url);
    if (items.length) yield items;
  }
}

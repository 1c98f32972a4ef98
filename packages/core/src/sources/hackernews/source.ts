import { z } from "zod";
import type { JobSource } from "../types.ts";
import { fetchHackerNews } from "./client.ts";
import { transformHackerNews } from "./transform.ts";
import type { HackerNewsOptions } from "./types.ts";

export const hackerNewsSource: JobSource<HackerNewsOptions> = {
  name: "hackernews",
  label: "Hacker News",
  homepage: "https://news.ycombinator.com",
  terms:
    'Postings are comments in the monthly "Ask HN: Who is hiring?" thread; each comment belongs to its author. Link to the comment on Hacker News.',
  defaultBaseUrl: "https://hn.algolia.com",
  optionsSchema: z.object({ maxComments: z.number().int().min(1).max(5000).default(500) }).strict(),
  fetch: fetchHackerNews,
  transform: transformHackerNews,
  recorded: {
    routes: [
      {
        path: "/api/v1/search",
        query: { tags: "story,author_whoishiring" },
        response: { file: "hn-algolia-search.json" },
      },
      { path: "/api/v1/items/48747976", response: { file: "hn-algolia-item.json" } },
    ],
    options: { maxComments: 500 },
  },
};

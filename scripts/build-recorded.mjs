// Builds the replay fixtures that have no native recording, from ../shared/data/corpus.
// Run from the repository root: node scripts/build-recorded.mjs
// The outputs are committed; see packages/core/recorded/PROVENANCE.md.
import { readFileSync, writeFileSync } from "node:fs";

const corpus = (name) =>
  readFileSync(`../shared/data/corpus/${name}`, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
const out = (name, text) => writeFileSync(`packages/core/recorded/${name}`, text);

// The Muse: GET /api/public/jobs?page=0 wraps its job objects in `results`.
const muse = corpus("themuse-236.jsonl");
out(
  "themuse-page0.json",
  JSON.stringify({
    page: 0,
    page_count: 1,
    items_per_page: muse.length,
    total: muse.length,
    results: muse,
  }),
);

// Himalayas: GET /jobs/api?limit=..&offset=0 returns `jobs` with offset, limit and totalCount.
const himalayas = corpus("himalayas-500.jsonl");
out(
  "himalayas-corpus.json",
  JSON.stringify({
    offset: 0,
    limit: himalayas.length,
    totalCount: himalayas.length,
    jobs: himalayas,
  }),
);

// Arbeitnow: the page after the last one has no data and no `next` link.
out(
  "arbeitnow-page2-empty.json",
  JSON.stringify({
    data: [],
    links: { first: null, last: null, prev: null, next: null },
    meta: { current_page: 2 },
  }),
);

// We Work Remotely: an RSS 2.0 feed in WWR's own item shape, rebuilt from flattened items.
const escapeXml = (s) =>
  String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
const items = corpus("weworkremotely-410.jsonl").map((job) => {
  const guid = job.url ?? job.id;
  return `  <item>
    <title>${escapeXml(`${job.company}: ${job.title}`)}</title>
    <region>${escapeXml(job.location)}</region>
    <category>${escapeXml((job.tags ?? [])[0] ?? job.category ?? "")}</category>
    <description>${escapeXml(job.description)}</description>
    <pubDate>${escapeXml(job.postedAt)}</pubDate>
    <guid>${escapeXml(guid)}</guid>
    <link>${escapeXml(job.url)}</link>
  </item>`;
});
out(
  "weworkremotely.rss",
  `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>We Work Remotely: Remote jobs</title>
  <link>https://weworkremotely.com/</link>
  <description>Rebuilt by AURA from recorded We Work Remotely items (see PROVENANCE.md)</description>
${items.join("\n")}
</channel>
</rss>
`,
);
console.log("built", muse.length, himalayas.length, items.length);

import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { fetchThroughReplay } from "../../testing/fetch-through-replay.ts";
import type { ReplayRoute } from "../replay-server.ts";
import { weWorkRemotelySource } from "./source.ts";

function feed(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>We Work Remotely</title><link>https://weworkremotely.com/</link>
${items.join("\n")}
</channel></rss>`;
}

function item(slug: string, title: string, extra = ""): string {
  return `<item><title>${title}</title><region>Anywhere in the World</region>
<media:content url="https://wwr.test/logo.png" type="image/png"/>
<guid>https://weworkremotely.com/remote-jobs/${slug}</guid>
<link>https://weworkremotely.com/remote-jobs/${slug}</link>${extra}</item>`;
}

const rss = (path: string, body: string): ReplayRoute => ({
  path,
  response: { body, contentType: "application/rss+xml; charset=utf-8" },
});

describe("fetchWeWorkRemotely", () => {
  it("serves every recorded posting through the recorded routes", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      weWorkRemotelySource,
      weWorkRemotelySource.recorded.routes,
      weWorkRemotelySource.recorded.options,
    );
    expect(error).toBeNull();
    expect(pages.map((items) => items.length)).toEqual([410]);
    expect(requests).toEqual(["/remote-jobs.rss"]);
    expect(pages[0]?.filter((raw) => weWorkRemotelySource.transform(raw).ok)).toHaveLength(410);
  });

  it("reads one feed per category, and a feed with a single item", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      weWorkRemotelySource,
      [
        rss(
          "/categories/remote-programming-jobs.rss",
          feed([item("a-dev", "Acme: Dev"), item("b-ops", "Beta: Ops")]),
        ),
        rss("/categories/remote-design-jobs.rss", feed([item("c-designer", "Gamma: Designer")])),
        rss("/remote-jobs.rss", feed([item("main", "Main: Feed")])),
      ],
      { categories: ["remote-programming-jobs", "remote-design-jobs"] },
    );
    expect(error).toBeNull();
    expect(pages.map((items) => items.length)).toEqual([2, 1]);
    expect(requests).toEqual([
      "/categories/remote-programming-jobs.rss",
      "/categories/remote-design-jobs.rss",
    ]);
    const single = weWorkRemotelySource.transform(pages[1]?.[0]);
    expect(single.ok && single.posting).toMatchObject({ company: "Gamma", title: "Designer" });
  });

  it("keeps CDATA as written and decodes entities once", async () => {
    const extra =
      "<description><![CDATA[<p>Pay &amp; perks</p>]]></description>" +
      "<skills>Go, Rust</skills><type>Contract</type><pubDate>Mon, 03 Jun 2024 14:30:10 +0000</pubDate>";
    const { pages, error } = await fetchThroughReplay(
      weWorkRemotelySource,
      [rss("/remote-jobs.rss", feed([item("x", "R&amp;D Co: Caf&#233; &amp;amp; Co", extra)]))],
      {},
    );
    expect(error).toBeNull();
    const result = weWorkRemotelySource.transform(pages[0]?.[0]);
    expect(result.ok && result.posting).toMatchObject({
      company: "R&D Co",
      title: "Café &amp; Co",
      description: "<p>Pay &amp; perks</p>",
      tags: ["Go", "Rust"],
      employmentType: "Contract",
      postedAt: "Mon, 03 Jun 2024 14:30:10 +0000",
    });
  });

  it("keeps numeric-looking text as text", async () => {
    const { pages, error } = await fetchThroughReplay(
      weWorkRemotelySource,
      [rss("/remote-jobs.rss", feed([item("n", "2024: 0100", "<type>1</type>")]))],
      {},
    );
    expect(error).toBeNull();
    expect(pages[0]?.[0]).toMatchObject({ title: "2024: 0100", type: "1" });
  });

  it("yields nothing for a feed without items", async () => {
    const { pages, error, requests } = await fetchThroughReplay(
      weWorkRemotelySource,
      [rss("/remote-jobs.rss", feed([]))],
      {},
    );
    expect(error).toBeNull();
    expect(pages).toEqual([]);
    expect(requests).toEqual(["/remote-jobs.rss"]);
  });

  it("fails on a page that is not an RSS feed", async () => {
    const html = "<!doctype html><html><body>Just a moment...</body></html>";
    const { error } = await fetchThroughReplay(
      weWorkRemotelySource,
      [rss("/remote-jobs.rss", html)],
      {},
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/not an RSS feed/);
  });

  it("validates its options, naming a misspelt key, and accepts only slugs", () => {
    expect(weWorkRemotelySource.optionsSchema.parse({})).toEqual({ categories: [] });
    expect(
      weWorkRemotelySource.optionsSchema.safeParse({ categories: ["../secret"] }).success,
    ).toBe(false);
    const result = weWorkRemotelySource.optionsSchema.safeParse({ category: ["x"] });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("category");
  });
});

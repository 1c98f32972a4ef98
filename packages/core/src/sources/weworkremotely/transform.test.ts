import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasText, postingOf, skipReasonOf } from "../../testing/transform-results.ts";
import { recordedDir } from "../replay-server.ts";
import { parseRssItems } from "./client.ts";
import { transformWeWorkRemotely } from "./transform.ts";

type Raw = Record<string, unknown>;
const xml = readFileSync(`${recordedDir}weworkremotely.rss`, "utf8");
const items = parseRssItems(xml, "weworkremotely.rss") as Raw[];

const mapped = (raw: unknown) => postingOf(transformWeWorkRemotely, raw);

const skipped = (raw: unknown) => skipReasonOf(transformWeWorkRemotely, raw);

function byPath(path: string): Raw {
  const item = items.find(
    (entry) => entry.link === `https://weworkremotely.com/remote-jobs/${path}`,
  );
  if (!item) throw new Error(`no item ${path} in the recording`);
  return item;
}

describe("transformWeWorkRemotely on the recorded feed", () => {
  it("maps every real item that has a company, a role and a URL", () => {
    const complete = items.filter((item) => {
      const title = String(item.title ?? "");
      const at = title.indexOf(": ");
      return at > 0 && hasText(title.slice(at + 2)) && (hasText(item.link) || hasText(item.guid));
    });
    const results = items.map((item) => transformWeWorkRemotely(item));
    expect(items).toHaveLength(410);
    expect(xml.match(/<item>/g)).toHaveLength(410);
    expect(complete).toHaveLength(410);
    expect(results.filter((result) => result.ok)).toHaveLength(complete.length);
  });

  it("keeps the real values of an item", () => {
    const posting = mapped(byPath("gusto-inc-business-money-engineering"));
    expect(posting).toMatchObject({
      externalId: "https://weworkremotely.com/remote-jobs/gusto-inc-business-money-engineering",
      url: "https://weworkremotely.com/remote-jobs/gusto-inc-business-money-engineering",
      // Split at the first ": ", so a company with a comma stays whole.
      company: "Gusto, Inc.",
      title: "Business Money Engineering",
      location: "Anywhere in the World",
      remote: "remote",
      postedAt: "Wed, 22 Jul 2026 04:02:50 +0000",
      tags: ["Full-Stack Programming"],
    });
    // XML entities decoded once: "&amp;nbsp;" in the feed is the HTML "&nbsp;".
    expect(posting.description).toContain("United States - Remote &nbsp; About Gusto");
  });

  it("decodes entities in titles and splits only at the first colon", () => {
    expect(mapped(byPath("twilio-security-compliance-regulatory-affairs-analyst"))).toMatchObject({
      company: "Twilio",
      title: "Security Compliance & Regulatory Affairs Analyst",
      tags: ["DevOps and Sysadmin"],
      postedAt: "Thu, 23 Jul 2026 07:02:37 +0000",
    });
    const yooli = items.find((item) => String(item.title).startsWith("Yooli: "));
    expect(mapped(yooli)).toMatchObject({
      company: "Yooli",
      title: "FULL TIME: Software Engineer Position - React and Rest",
    });
  });

  it("gives every posting a distinct id", () => {
    const ids = new Set(items.map((item) => mapped(item).externalId));
    expect(ids.size).toBe(410);
  });
});

describe("transformWeWorkRemotely on bad items", () => {
  const base = byPath("gusto-inc-business-money-engineering");

  it("skips an item without a title, naming the field", () => {
    const { title: _title, ...rest } = base;
    expect(skipped(rest)).toMatch(/^title: /);
  });

  it("skips an item whose title is a number", () => {
    expect(skipped({ ...base, title: 2024 })).toMatch(/^title: /);
  });

  it("skips an item whose title names no company", () => {
    expect(skipped({ ...base, title: "Senior Engineer" })).toMatch(
      /^title: expected "Company: Role"/,
    );
    expect(skipped({ ...base, title: ": Senior Engineer" })).toMatch(/^title: /);
    expect(skipped({ ...base, title: "Acme: " })).toMatch(/^title: /);
  });

  it("skips an item without a URL, and uses the guid when the link is missing", () => {
    expect(skipped({ ...base, link: null, guid: "12345" })).toMatch(/^link: /);
    expect(mapped({ ...base, link: undefined }).url).toBe(base.guid);
  });

  it("drops optional fields of the wrong type instead of skipping", () => {
    const posting = mapped({
      ...base,
      region: { "#text": "x" },
      category: ["a", "b"],
      description: 5,
      pubDate: {},
      type: "Full-Time",
      skills: "TypeScript, React , ",
      country: "United States",
    });
    expect(posting).toMatchObject({
      location: "United States",
      country: "United States",
      tags: ["TypeScript", "React"],
      description: null,
      postedAt: null,
      employmentType: "Full-Time",
      company: "Gusto, Inc.",
    });
  });
});

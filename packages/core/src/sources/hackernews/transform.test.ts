import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postingOf } from "../../testing/transform-results.ts";
import { recordedDir } from "../replay-server.ts";
import { transformHackerNews } from "./transform.ts";

const item = JSON.parse(readFileSync(`${recordedDir}hn-algolia-item.json`, "utf8")) as {
  children: Record<string, unknown>[];
};
const hits = (
  JSON.parse(readFileSync(`${recordedDir}hn-algolia-comments.json`, "utf8")) as {
    hits: Record<string, unknown>[];
  }
).hits;
const smarterDx = item.children[2] as Record<string, unknown>;

const posting = (raw: unknown) => postingOf(transformHackerNews, raw);

describe("transformHackerNews on item children", () => {
  it("maps every recorded top-level comment", () => {
    const results = item.children.map(transformHackerNews);
    expect(results).toHaveLength(4);
    expect(results.filter((r) => r.ok)).toHaveLength(4);
  });

  it("links the comment on HN and keeps the whole comment as the description", () => {
    expect(posting(smarterDx)).toEqual({
      externalId: "48748003",
      url: "https://news.ycombinator.com/item?id=48748003",
      title: "Multiple roles",
      company: "SmarterDx",
      description: (smarterDx.text as string).trim(),
      location: "Remote (US only)",
      remote: "remote",
      salaryText: "150-250k+ + equity + benefits",
      employmentType: null,
      postedAt: 1782918170,
    });
  });

  it("skips deleted, empty and non-comment items, and replies, with a reason", () => {
    expect(transformHackerNews({ ...smarterDx, deleted: true })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("deleted"),
    });
    expect(transformHackerNews({ ...smarterDx, text: null })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("text"),
    });
    expect(transformHackerNews({ ...smarterDx, text: "[flagged]" })).toMatchObject({ ok: false });
    expect(transformHackerNews({ ...smarterDx, type: "story" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("type"),
    });
    expect(transformHackerNews({ ...smarterDx, parent_id: 48748007 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("parent_id"),
    });
    expect(transformHackerNews({ ...smarterDx, id: undefined })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("id"),
    });
  });

  it("skips a comment that names no company, naming the text", () => {
    const result = transformHackerNews({
      ...smarterDx,
      text: "Does anyone know if this is legit?",
    });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("text:") });
  });

  it("drops optional fields of the wrong type instead of the comment", () => {
    const result = posting({ ...smarterDx, created_at_i: "soon", author: 5, children: "x" });
    expect(result.postedAt).toBe("2026-07-01T15:02:50.000Z");
    expect(posting({ ...smarterDx, created_at_i: null, created_at: null }).postedAt).toBeNull();
  });
});

describe("transformHackerNews on search_by_date comment hits", () => {
  it("maps the top-level hits and skips the reply", () => {
    const results = hits.map(transformHackerNews);
    expect(results).toHaveLength(7);
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    const reply = results[hits.findIndex((h) => h.objectID === "48859053")];
    expect(reply).toEqual({ ok: false, reason: "parent_id: a reply, not a top-level posting" });
  });

  it("reads objectID, comment_text and created_at", () => {
    const wave = hits.find((h) => h.objectID === "48843116");
    expect(posting(wave)).toMatchObject({
      externalId: "48843116",
      url: "https://news.ycombinator.com/item?id=48843116",
      company: "Wave",
      title: "On-Premises SRE",
      location: "Remote (EMEA)",
      remote: "remote",
      salaryText: "Salary up to $185,500 + equity",
      employmentType: "Full-time",
      postedAt: "2026-07-09T09:17:40Z",
    });
    expect(posting(wave).description).toMatch(/^Wave \| On-Premises SRE/);
  });
});

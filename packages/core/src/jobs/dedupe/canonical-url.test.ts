import { describe, expect, it } from "vitest";
import { canonicalUrl } from "./canonical-url.ts";

describe("canonicalUrl", () => {
  it.each([
    [
      "lower-cases scheme and host",
      "HTTPS://Jobs.Lever.CO/Palantir/abc",
      "https://jobs.lever.co/Palantir/abc",
    ],
    ["drops www.", "https://www.example.com/jobs/1", "https://example.com/jobs/1"],
    ["drops the fragment", "https://example.com/jobs/1#apply", "https://example.com/jobs/1"],
    [
      "drops utm_*",
      "https://example.com/j/1?utm_source=x&utm_medium=y&UTM_Campaign=z",
      "https://example.com/j/1",
    ],
    [
      "drops click ids",
      "https://example.com/j/1?gclid=a&fbclid=b&msclkid=c",
      "https://example.com/j/1",
    ],
    [
      "drops ref and source",
      "https://example.com/j/1?ref=hn&ref_src=twsrc&source=li&src=x",
      "https://example.com/j/1",
    ],
    [
      "drops board tracking",
      "https://boards.greenhouse.io/x/jobs/1?gh_src=abc&lever-source=LinkedIn&lever-origin=applied",
      "https://boards.greenhouse.io/x/jobs/1",
    ],
    [
      "drops mail and CRM tracking",
      "https://example.com/j?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&trk=5&trackingId=6&refId=7",
      "https://example.com/j",
    ],
    [
      "keeps gh_jid",
      "https://stripe.com/jobs/search?gh_jid=7954688&gh_src=x",
      "https://stripe.com/jobs/search?gh_jid=7954688",
    ],
    [
      "keeps id and sorts parameters",
      "https://example.com/job?team=eng&id=42&utm_source=x",
      "https://example.com/job?id=42&team=eng",
    ],
    ["drops a trailing slash", "https://example.com/jobs/1/", "https://example.com/jobs/1"],
    ["keeps the root slash", "https://example.com/", "https://example.com/"],
    ["drops the default port", "https://example.com:443/jobs", "https://example.com/jobs"],
    ["keeps another port", "http://localhost:8080/jobs/", "http://localhost:8080/jobs"],
    ["an empty query goes", "https://example.com/jobs?", "https://example.com/jobs"],
    ["trims", "  https://example.com/jobs  ", "https://example.com/jobs"],
  ])("%s", (_name, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it("makes tracking variants of one job equal", () => {
    const a = canonicalUrl("https://www.remoteok.com/remote-jobs/123?ref=rss&utm_source=feed#top");
    const b = canonicalUrl("https://remoteok.com/remote-jobs/123/");
    expect(a).toBe(b);
  });

  it("keeps different jobs different", () => {
    expect(canonicalUrl("https://example.com/job?id=1")).not.toBe(
      canonicalUrl("https://example.com/job?id=2"),
    );
    expect(canonicalUrl("https://example.com/jobs/A")).not.toBe(
      canonicalUrl("https://example.com/jobs/a"),
    );
  });

  it.each([
    ["not a URL", "  not a url  ", "not a url"],
    ["a bare id", "8503792002", "8503792002"],
    ["no scheme", "example.com/jobs/1", "example.com/jobs/1"],
    ["mailto", "mailto:jobs@example.com", "mailto:jobs@example.com"],
    ["a broken URL", "https://exa mple.com/x", "https://exa mple.com/x"],
    ["empty", "", ""],
  ])("returns %s trimmed", (_name, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });
});

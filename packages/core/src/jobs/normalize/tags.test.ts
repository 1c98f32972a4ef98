import { describe, expect, it } from "vitest";
import { normalizeTag, normalizeTags } from "./tags.ts";
import { type HimalayasJob, type JobicyJob, recorded } from "./test-samples.ts";

describe("normalizeTag", () => {
  it.each([
    ["Project &amp; Program Management", "project & program management"],
    ["  Machine   Learning ", "machine learning"],
    ["Customer-Success-Manager", "customer success manager"],
    ["machine_learning", "machine learning"],
    ["full-stack", "full stack"],
    ["Full-Stack Programming", "full stack programming"],
    ["e-commerce", "e-commerce"],
    ["X-Ray", "x-ray"],
    ["COVID-19", "covid-19"],
    ["C++", "c++"],
    ["C#", "c#"],
    ["Node.js", "node.js"],
    ["CI/CD", "ci/cd"],
    ["AI/ML", "ai/ml"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeTag(raw)).toBe(expected);
  });
});

describe("normalizeTags", () => {
  it("de-duplicates after normalizing, keeping the first", () => {
    expect(normalizeTags(["React", "react", "Full-Stack", "full stack", "Go"])).toEqual([
      "react",
      "full stack",
      "go",
    ]);
  });

  it("drops empty, non-string and over-long tags", () => {
    const long = "x".repeat(61);
    expect(normalizeTags(["", "  ", long, "x".repeat(60), 5 as unknown as string, "ok"])).toEqual([
      "x".repeat(60),
      "ok",
    ]);
  });

  it("keeps at most 40", () => {
    const many = Array.from({ length: 60 }, (_, i) => `tag ${i}`);
    const tags = normalizeTags(many);
    expect(tags).toHaveLength(40);
    expect(tags[39]).toBe("tag 39");
  });

  it("accepts a missing list", () => {
    expect(normalizeTags(undefined)).toEqual([]);
    expect(normalizeTags(null)).toEqual([]);
  });

  it("normalizes the recorded boards' tags", () => {
    const jobicy = recorded<{ jobs: JobicyJob[] }>("jobicy.json").jobs[0] as JobicyJob;
    expect(normalizeTags(jobicy.jobIndustry)).toEqual(["project & program management"]);
    const himalayas = recorded<{ jobs: HimalayasJob[] }>("himalayas-corpus.json")
      .jobs[0] as HimalayasJob;
    const tags = normalizeTags([...himalayas.categories, ...himalayas.parentCategories]);
    expect(tags).toContain("customer success manager");
    expect(tags).toContain("customer service");
    for (const tag of tags) expect(tag).toBe(tag.toLowerCase().trim());
  });
});

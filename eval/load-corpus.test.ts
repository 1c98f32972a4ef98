import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseImportFile } from "../packages/core/src/sources/import/parse-import-file.ts";
import {
  categorySlug,
  type HimalayasRecord,
  loadCorpus,
  toImportLine,
  toLabelledPosting,
  writeImportFile,
} from "./load-corpus.ts";

const full: HimalayasRecord = {
  guid: "https://himalayas.app/companies/acme/jobs/widget-engineer",
  applicationLink: "https://himalayas.app/companies/acme/jobs/widget-engineer",
  title: " Widget Engineer ",
  companyName: "Acme",
  excerpt: "Short.",
  description: "<p>Build <b>widgets</b>.</p>",
  locationRestrictions: ["United States", "Canada"],
  pubDate: 1_700_000_000,
  minSalary: 40,
  maxSalary: 55,
  currency: "USD",
  salaryPeriod: "hourly",
  employmentType: "Contractor",
  seniority: ["Mid-level", "Senior"],
  categories: ["Widget-Engineering"],
  parentCategories: ["Developer", "Hardware Engineer"],
};

const bare: HimalayasRecord = {
  guid: "some-job-slug",
  applicationLink: "",
  title: "Office Helper",
  companyName: "Beta Co",
  description: null,
  excerpt: "Helps.",
  minSalary: null,
  maxSalary: null,
  currency: null,
  salaryPeriod: "annual",
  seniority: [],
  parentCategories: [],
};

const dir = mkdtempSync(join(tmpdir(), "aura-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("toLabelledPosting", () => {
  it("keeps the HTML description and takes parentCategories as the labels", () => {
    expect(toLabelledPosting(full)).toEqual({
      externalId: "https://himalayas.app/companies/acme/jobs/widget-engineer",
      title: "Widget Engineer",
      company: "Acme",
      description: "<p>Build <b>widgets</b>.</p>",
      categories: ["Developer", "Hardware Engineer"],
    });
  });

  it("falls back to the excerpt and to a Himalayas URL built from the guid", () => {
    const posting = toLabelledPosting(bare);
    expect(posting.description).toBe("Helps.");
    expect(posting.externalId).toBe("https://himalayas.app/jobs/some-job-slug");
    expect(posting.categories).toEqual([]);
  });
});

describe("toImportLine", () => {
  it("writes aura import's field names and leaves the labels out", () => {
    expect(toImportLine(full)).toEqual({
      title: "Widget Engineer",
      company: "Acme",
      url: "https://himalayas.app/companies/acme/jobs/widget-engineer",
      description: "<p>Build <b>widgets</b>.</p>",
      location: "United States, Canada",
      remote: "remote",
      postedAt: 1_700_000_000,
      salaryMin: 40,
      salaryMax: 55,
      currency: "USD",
      salaryPeriod: "hourly",
      employmentType: "Contractor",
      seniority: "Mid-level, Senior",
    });
    const text = JSON.stringify(toImportLine(full));
    expect(text).not.toMatch(/categor|tags|Developer|Widget-Engineering/i);
  });

  it("omits what the posting lacks, and a pay period without a salary", () => {
    expect(toImportLine(bare)).toEqual({
      title: "Office Helper",
      company: "Beta Co",
      url: "https://himalayas.app/jobs/some-job-slug",
      description: "Helps.",
      remote: "remote",
    });
  });
});

describe("files", () => {
  const corpus = join(dir, "corpus.jsonl");
  writeFileSync(corpus, `${JSON.stringify(full)}\n\n${JSON.stringify(bare)}\n`);

  it("loadCorpus reads every posting of a JSON Lines file", () => {
    const postings = loadCorpus(corpus);
    expect(postings.map((p) => p.title)).toEqual(["Widget Engineer", "Office Helper"]);
  });

  it("writeImportFile writes a file aura import reads whole, without labels", () => {
    const out = join(dir, "import.jsonl");
    expect(writeImportFile(corpus, out)).toBe(2);
    const content = readFileSync(out, "utf8");
    expect(content).not.toMatch(/categor/i);
    const parsed = parseImportFile(content, "jsonl");
    expect(parsed.errors).toEqual([]);
    expect(parsed.postings.map((p) => p.posting)).toMatchObject([
      {
        externalId: "https://himalayas.app/companies/acme/jobs/widget-engineer",
        title: "Widget Engineer",
        location: "United States, Canada",
        remote: "remote",
        salaryMin: 40,
        salaryPeriod: "hourly",
        postedAt: 1_700_000_000,
        seniority: "Mid-level, Senior",
        tags: [],
      },
      { externalId: "https://himalayas.app/jobs/some-job-slug", salaryMin: null },
    ]);
  });
});

describe("categorySlug", () => {
  it("names a persona file", () => {
    expect(categorySlug("Research & Development")).toBe("research-and-development");
    expect(categorySlug("Customer Service")).toBe("customer-service");
    expect(categorySlug("Sales")).toBe("sales");
  });
});

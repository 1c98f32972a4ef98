import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { recordedDir } from "../replay-server.ts";
import { detectImportFormat, parseImportFile } from "./parse-import-file.ts";

const job = { title: "Backend Engineer", company: "Acme", url: "https://acme.com/jobs/1" };
const jsonl = (...lines: unknown[]) =>
  lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n");

describe("parseImportFile, JSON Lines", () => {
  it("reads the required and optional fields, the URL as the external id", () => {
    const { postings, errors } = parseImportFile(
      jsonl({
        ...job,
        description: "<p>Go &amp; Postgres</p>",
        location: "Berlin, Germany",
        postedAt: "2019-03-01",
        salaryMin: "60000",
        salaryMax: 80000,
        currency: "EUR",
        employmentType: "Full-time",
        source: "linkedin",
        tags: ["go", "postgres", "go", " "],
        unknownField: { nested: true },
      }),
      "jsonl",
    );
    expect(errors).toEqual([]);
    expect(postings).toEqual([
      {
        line: 1,
        source: "linkedin",
        posting: {
          externalId: "https://acme.com/jobs/1",
          url: "https://acme.com/jobs/1",
          title: "Backend Engineer",
          company: "Acme",
          description: "<p>Go &amp; Postgres</p>",
          location: "Berlin, Germany",
          remote: null,
          country: null,
          salaryMin: 60000,
          salaryMax: 80000,
          currency: "EUR",
          salaryPeriod: null,
          salaryText: null,
          postedAt: "2019-03-01",
          employmentType: "Full-time",
          seniority: null,
          tags: ["go", "postgres"],
        },
      },
    ]);
  });

  it("reports each bad line with its number and the field, and keeps the good ones", () => {
    const content = jsonl(
      job, // 1
      "{not json", // 2
      "[1, 2]", // 3
      { ...job, title: 42 }, // 4
      { ...job, title: "   " }, // 5
      { title: "x", company: "y" }, // 6
      { ...job, url: "ftp://acme.com/x" }, // 7
      { ...job, url: "acme.com/jobs" }, // 8
      "", // 9: blank lines are fine
      { ...job, company: null }, // 10
      { ...job, salaryMin: "a lot" }, // 11
      { ...job, tags: { a: 1 } }, // 12
      { ...job, location: ["Berlin"] }, // 13
      "null", // 14
      { ...job, url: "http://acme.com/2" }, // 15
    );
    const { postings, errors } = parseImportFile(`${content}\n\n`, "jsonl");
    expect(postings.map((p) => p.line)).toEqual([1, 15]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14]);
    const reason = (line: number) => errors.find((e) => e.line === line)?.reason;
    expect(reason(2)).toMatch(/^not valid JSON/);
    expect(reason(3)).toBe("not a JSON object (got an array)");
    expect(reason(4)).toBe("title: expected text, got a number");
    expect(reason(5)).toBe("title: empty");
    expect(reason(6)).toBe("url: missing");
    expect(reason(7)).toMatch(/^url: not an http\(s\) URL/);
    expect(reason(8)).toMatch(/^url: not an http\(s\) URL/);
    expect(reason(10)).toBe("company: missing");
    expect(reason(11)).toMatch(/^salaryMin: expected a number/);
    expect(reason(12)).toMatch(/^tags: /);
    expect(reason(13)).toBe("location: expected text, got an array");
    expect(reason(14)).toBe("not a JSON object (got null)");
  });

  it("accepts snake_case and capitalised names, epoch dates, tags as text and remote", () => {
    const { postings, errors } = parseImportFile(
      jsonl({
        Title: "Designer",
        COMPANY: "Globex",
        url: "https://globex.com/d",
        posted_at: 1262304000,
        "salary-min": 1_000,
        tags: "figma; ux, research",
        remote: "Remote",
      }),
      "jsonl",
    );
    expect(errors).toEqual([]);
    expect(postings[0]?.posting).toMatchObject({
      title: "Designer",
      company: "Globex",
      postedAt: 1262304000,
      salaryMin: 1000,
      tags: ["figma", "ux", "research"],
      remote: "remote",
    });
    expect(postings[0]?.source).toBeNull();
  });

  it("tolerates a byte-order mark and Windows line endings", () => {
    const { postings, errors } = parseImportFile(
      `\uFEFF${JSON.stringify(job)}\r\n${JSON.stringify({ ...job, url: "https://acme.com/2" })}\r\n`,
      "jsonl",
    );
    expect(errors).toEqual([]);
    expect(postings.map((p) => p.line)).toEqual([1, 2]);
  });
});

describe("parseImportFile, CSV", () => {
  it("reads quoted fields with commas, quotes and newlines, and numbers as text", () => {
    const csv = [
      "\uFEFFtitle,company,url,description,location,postedAt,salaryMin,salaryMax,currency,employmentType,source,tags,notes",
      '"Engineer, Platform",Acme,https://acme.com/1,"<p>Line one,',
      'line ""two""</p>",Remote,2018-05-01,"120,000",150000,USD,Full-time,,"[""go"",""k8s""]",ignored',
      "Designer,Globex,https://globex.com/2,,,,,,,,hn,ux;figma,",
      "",
      "",
    ].join("\n");
    const { postings, errors } = parseImportFile(csv, "csv");
    expect(errors).toEqual([]);
    expect(postings).toHaveLength(2);
    expect(postings[0]).toMatchObject({
      line: 2,
      source: null,
      posting: {
        title: "Engineer, Platform",
        description: '<p>Line one,\nline "two"</p>',
        location: "Remote",
        postedAt: "2018-05-01",
        salaryMin: 120000,
        salaryMax: 150000,
        currency: "USD",
        tags: ["go", "k8s"],
      },
    });
    expect(postings[1]).toMatchObject({
      line: 4,
      source: "hn",
      posting: { title: "Designer", description: null, salaryMin: null, tags: ["ux", "figma"] },
    });
  });

  it("reports bad records at the line where they start", () => {
    const csv = [
      "title,company,url,salaryMin", // 1
      '"Multi',
      'line title",Acme,https://acme.com/1,', // 2-3: good
      ",Acme,https://acme.com/2,", // 4: empty title
      '"Two',
      'lines",Acme,not-a-url,', // 5-6: bad url
      "Ops,Acme,https://acme.com/3,lots", // 7: bad number
      "Short,Acme", // 8: missing url
      "   ,  ,  ,", // 9: blank record, skipped
      'Last,Acme,https://acme.com/4,"never closed', // 10: broken quote
      "After,Acme,https://acme.com/5,", // 11: read again after the broken quote
    ].join("\n");
    const { postings, errors } = parseImportFile(csv, "csv");
    expect(postings.map((p) => p.line)).toEqual([2, 11]);
    expect(errors).toEqual([
      { line: 4, reason: "title: missing" },
      { line: 5, reason: expect.stringMatching(/^url: not an http\(s\) URL/) },
      { line: 7, reason: expect.stringMatching(/^salaryMin: expected a number/) },
      { line: 8, reason: "url: missing" },
      { line: 10, reason: "not valid CSV: a quoted field is not closed" },
    ]);
  });

  it("names the missing required columns of the header", () => {
    const { postings, errors } = parseImportFile("title,link\nA,https://a.com\n", "csv");
    expect(postings).toEqual([]);
    expect(errors).toEqual([{ line: 1, reason: "header: missing column company, url" }]);
  });

  it("gives nothing for an empty file or a header alone", () => {
    expect(parseImportFile("", "csv")).toEqual({ postings: [], errors: [] });
    expect(parseImportFile("title,company,url\n", "csv")).toEqual({ postings: [], errors: [] });
    expect(parseImportFile("\n\n", "jsonl")).toEqual({ postings: [], errors: [] });
  });
});

describe("detectImportFormat", () => {
  it("goes by the extension, else by the first line", () => {
    expect(detectImportFormat("jobs.jsonl", "title,company")).toBe("jsonl");
    expect(detectImportFormat("jobs.NDJSON", "")).toBe("jsonl");
    expect(detectImportFormat("export.csv", "{}")).toBe("csv");
    expect(detectImportFormat("jobs.txt", '\uFEFF\n  {"title":"x"}')).toBe("jsonl");
    expect(detectImportFormat("jobs", "title,company,url\n")).toBe("csv");
  });
});

describe("parseImportFile on real postings", () => {
  interface MuseJob {
    name: string;
    contents: string;
    publication_date: string;
    locations: { name: string }[];
    categories: { name: string }[];
    levels: { name: string }[];
    refs: { landing_page: string };
    company: { name: string };
  }
  const muse = (
    JSON.parse(readFileSync(`${recordedDir}themuse-page0.json`, "utf8")) as { results: MuseJob[] }
  ).results.slice(0, 6);
  const rows = muse.map((job) => ({
    title: job.name,
    company: job.company.name,
    url: job.refs.landing_page,
    description: job.contents,
    location: job.locations.map((l) => l.name).join("; "),
    postedAt: job.publication_date,
    source: "themuse",
    tags: job.categories.map((c) => c.name),
  }));

  function expectSame(parsed: ReturnType<typeof parseImportFile>) {
    expect(parsed.errors).toEqual([]);
    expect(parsed.postings).toHaveLength(6);
    parsed.postings.forEach(({ posting, source }, i) => {
      const row = rows[i] as (typeof rows)[number];
      expect(source).toBe("themuse");
      expect(posting).toMatchObject({
        externalId: row.url,
        url: row.url,
        title: row.title.trim(),
        company: row.company,
        description: row.description.trim(),
        location: row.location || null,
        postedAt: row.postedAt,
        tags: [...new Set(row.tags)],
      });
    });
  }

  it("imports them from JSON Lines", () => {
    expectSame(parseImportFile(rows.map((r) => JSON.stringify(r)).join("\n"), "jsonl"));
  });

  it("imports them from CSV, descriptions with commas, quotes and newlines intact", () => {
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const columns = [
      "title",
      "company",
      "url",
      "description",
      "location",
      "postedAt",
      "source",
      "tags",
    ] as const;
    const csv = [
      columns.join(","),
      ...rows.map((r) =>
        columns.map((c) => quote(c === "tags" ? r.tags.join(";") : r[c])).join(","),
      ),
    ].join("\r\n");
    expect(csv).toContain("\n<");
    const parsed = parseImportFile(csv, "csv");
    expectSame(parsed);
    // Each record starts where the previous one's lines end.
    const lines = csv.split(/\r?\n/);
    for (const { line, posting } of parsed.postings) {
      expect(lines[line - 1]?.startsWith(quote(posting.title).slice(0, 10))).toBe(true);
    }
  });
});

describe("JSON array files", () => {
  it("takes every element of a pretty-printed array, reporting bad ones by the line they start on", () => {
    const content = `[
  {
    "title": "Data Engineer",
    "company": "Acme",
    "url": "https://acme.example/1"
  },
  {
    "title": "",
    "company": "Acme",
    "url": "https://acme.example/2"
  },
  { "title": "Analyst", "company": "Beta", "url": "https://beta.example/3" }
]`;
    const parsed = parseImportFile(content, detectImportFormat("jobs.json", content));
    expect(parsed.postings.map((p) => p.posting.title)).toEqual(["Data Engineer", "Analyst"]);
    expect(parsed.postings.map((p) => p.line)).toEqual([2, 12]);
    expect(parsed.errors).toEqual([{ line: 7, reason: expect.stringContaining("title") }]);
  });

  it("reports a broken array as one clear error", () => {
    const parsed = parseImportFile('[{"title": "A", ', "jsonl");
    expect(parsed.postings).toEqual([]);
    expect(parsed.errors).toEqual([
      { line: 1, reason: expect.stringMatching(/not valid JSON.*one JSON array/) },
    ]);
  });
});

describe("a CSV quote left open", () => {
  it("reports the broken line and still reads the lines after it", () => {
    const content = [
      "title,company,url",
      "Data Engineer,Acme,https://acme.example/1",
      '"Broken,Acme,https://acme.example/2',
      "Analyst,Beta,https://beta.example/3",
      "Designer,Gamma,https://gamma.example/4",
    ].join("\n");
    const parsed = parseImportFile(content, "csv");
    expect(parsed.postings.map((p) => [p.line, p.posting.title])).toEqual([
      [2, "Data Engineer"],
      [4, "Analyst"],
      [5, "Designer"],
    ]);
    expect(parsed.errors).toEqual([{ line: 3, reason: expect.stringContaining("not closed") }]);
  });
});

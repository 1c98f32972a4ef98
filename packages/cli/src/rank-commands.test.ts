import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  dataScienceCv,
  rankTestPostingsJsonl,
  salesCv,
} from "../../core/src/rank/rank-test-postings.ts";
import { auraIn, type Run } from "./run-aura.ts";

/**
 * End-to-end tests of `aura profile`, `embed`, `rank` and `search`: the real `aura` command, run
 * as a person runs it, each describe block in its own working directory and embedded database.
 */
const cvsDir = fileURLToPath(new URL("../../core/test-data/cvs/", import.meta.url));
/** Each test runs a few `aura` commands of some seconds each (more on a busy machine). */
const TIMEOUT = 180_000;

function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `aura-${name}-`));
}

/** A message a person can act on, not a stack trace. */
function expectNoStackTrace(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).not.toMatch(/\n\s+at /);
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A one-page PDF with one line of Helvetica text per entry (ASCII only), built by hand. */
function makePdf(lines: string[]): Buffer {
  const escapePdf = (line: string) => line.replace(/[\\()]/g, "\\$&");
  const stream = [
    "BT",
    "/F1 10 Tf",
    "14 TL",
    "40 810 Td",
    ...lines.map((line) => `(${escapePdf(line)}) '`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

interface ProfileJson {
  user: string;
  cvFile: string | null;
  cvWords: number;
  preferences: Record<string, unknown>;
  updatedAt: string;
}

interface FeatureJson {
  value: number;
  weight: number;
  contribution: number;
}

interface RankedJson {
  id: number;
  title: string;
  company: string;
  url: string;
  score: number;
  features: Record<string, FeatureJson>;
  why: { summary: string; matchedSkills: string[]; salary: string } & Record<string, unknown>;
}

interface EmbedJson {
  model: string;
  embedded: number;
  upToDate: number;
  indexedJobs: number;
}

const defaultPreferences = {
  roles: [],
  locationModes: [],
  includeSkills: [],
  excludeSkills: [],
  companyTypes: [],
  currency: "USD",
  batchSize: 5,
  searchFrequencyDays: 7,
};

const postingCount = rankTestPostingsJsonl.split("\n").filter((line) => line.trim()).length;

describe("aura --help", { timeout: TIMEOUT }, () => {
  it("lists the profile, embed, rank, search and pipeline commands", async () => {
    const run = await auraIn(tempDir("help"))("--help");
    expect(run.code).toBe(0);
    for (const command of ["profile", "embed", "rank", "search", "pipeline"]) {
      expect(run.stdout, command).toMatch(new RegExp(`^ {2}${command}\\b`, "m"));
    }
  });
});

describe("aura profile", { timeout: TIMEOUT }, () => {
  const dir = tempDir("profile");
  const aura = auraIn(dir);
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const showJson = async (): Promise<ProfileJson> => {
    const run = await aura("profile", "show", "--json");
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as ProfileJson;
  };

  it("profile show before any profile says how to set one and exits non-zero", async () => {
    const run = await aura("profile", "show");
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("No profile yet");
    expect(run.stderr).toContain("profile set --cv");
    expect(run.stdout).toBe("");
    expectNoStackTrace(run);
  });

  it("profile set with no options exits 2 naming --cv and --prefs", async () => {
    const run = await aura("profile", "set");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--cv");
    expect(run.stderr).toContain("--prefs");
    expectNoStackTrace(run);
  });

  it("profile set --cv stores a text CV with the default preferences", async () => {
    const cv = file("ds.txt", dataScienceCv);
    const set = await aura("profile", "set", "--cv", cv);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain("ds.txt");

    const profile = await showJson();
    expect(profile.user).toBe("local");
    expect(profile.cvFile).toBe("ds.txt");
    expect(profile.cvWords).toBe(wordCount(dataScienceCv));
    expect(profile.preferences).toEqual(defaultPreferences);

    const text = await aura("profile", "show");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`ds.txt (${wordCount(dataScienceCv)} words)`);
    expect(text.stdout).toContain("Maria Lopez");
  });

  it("profile set --prefs stores the preferences normalized and keeps the CV", async () => {
    const prefs = file(
      "prefs.yaml",
      [
        "roles:",
        "  - Data Scientist",
        "  - Machine Learning Engineer",
        "locationModes: on-site",
        "minSalary: 90000",
        "currency: eur",
        "",
      ].join("\n"),
    );
    const set = await aura("profile", "set", "--prefs", prefs, "--json");
    expect(set.code, set.stderr).toBe(0);
    const printed = JSON.parse(set.stdout) as ProfileJson;
    expect(printed.preferences).toEqual({
      ...defaultPreferences,
      roles: ["Data Scientist", "Machine Learning Engineer"],
      locationModes: ["onsite"],
      minSalary: 90000,
      currency: "EUR",
    });

    const stored = await showJson();
    expect(stored.preferences).toEqual(printed.preferences);
    expect(stored.cvFile).toBe("ds.txt");
    expect(stored.cvWords).toBe(wordCount(dataScienceCv));
  });

  it("a bad preferences file exits 2 naming the key and changes nothing", async () => {
    const before = await showJson();
    const sales = file("sales.txt", salesCv);

    const tooBig = await aura("profile", "set", "--prefs", file("big.yaml", "batchSize: 9\n"));
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toContain("batchSize");
    expectNoStackTrace(tooBig);

    const unknown = await aura(
      "profile",
      "set",
      "--prefs",
      file("unknown.yaml", "roles: [Analyst]\nfavouriteColour: blue\n"),
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("favouriteColour");
    expectNoStackTrace(unknown);

    // A good CV given with a bad preferences file is not stored either.
    const both = await aura(
      "profile",
      "set",
      "--cv",
      sales,
      "--prefs",
      file("mode.yaml", "locationModes: [on the moon]\n"),
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("locationModes");

    const notYaml = await aura("profile", "set", "--prefs", file("broken.yaml", "roles: [x\n"));
    expect(notYaml.code).toBe(2);
    expect(notYaml.stderr).toContain("broken.yaml");

    expect(await showJson()).toEqual(before);
  });

  it("a CV file that does not exist exits 2 naming the file and changes nothing", async () => {
    const before = await showJson();
    const missing = join(dir, "no-such-cv.pdf");
    const run = await aura("profile", "set", "--cv", missing);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no-such-cv.pdf");
    expectNoStackTrace(run);
    expect(await showJson()).toEqual(before);
  });

  it("reads a DOCX CV from the test data and keeps the preferences", async () => {
    const before = await showJson();
    const run = await aura("profile", "set", "--cv", join(cvsDir, "1.docx"), "--json");
    expect(run.code, run.stderr).toBe(0);
    const profile = JSON.parse(run.stdout) as ProfileJson;
    expect(profile.cvFile).toBe("1.docx");
    expect(profile.cvWords).toBeGreaterThan(100);
    expect(profile.preferences).toEqual(before.preferences);

    const text = await aura("profile", "show");
    expect(text.stdout).toContain("1.docx");
    expect(text.stdout).toContain("Java full stack developer");
  });

  it("reads a PDF CV made from a test-data CV's text", async () => {
    const lines = readFileSync(join(cvsDir, "1.txt"), "utf8")
      .split(/\r?\n/)
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter((line) => line && !line.includes("*") && /^[\x20-\x7e]+$/.test(line))
      .filter((line) => line.length < 95)
      .slice(0, 50);
    expect(lines.length).toBeGreaterThan(20);
    const pdf = file("cv.pdf", makePdf(lines));

    const run = await aura("profile", "set", "--cv", pdf, "--json");
    expect(run.code, run.stderr).toBe(0);
    const profile = JSON.parse(run.stdout) as ProfileJson;
    expect(profile.cvFile).toBe("cv.pdf");
    expect(profile.cvWords).toBeGreaterThanOrEqual(wordCount(lines.join(" ")) * 0.9);

    const text = await aura("profile", "show");
    expect(text.stdout).toContain("cv.pdf");
    expect(text.stdout).toContain("Java full stack developer");
  });
});

describe("aura embed, rank and search", { timeout: TIMEOUT }, () => {
  const dir = tempDir("rank");
  const aura = auraIn(dir);
  const dsCvFile = join(dir, "data-science-cv.txt");
  const salesCvFile = join(dir, "sales-cv.txt");
  let firstEmbed: EmbedJson;
  /** The titles `rank --json --top 3` printed, best first. */
  let topThree: string[] | undefined;

  beforeAll(async () => {
    const postings = join(dir, "postings.jsonl");
    writeFileSync(postings, rankTestPostingsJsonl);
    writeFileSync(dsCvFile, dataScienceCv);
    writeFileSync(salesCvFile, salesCv);

    const imported = await aura("import", postings, "--json");
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).totals).toMatchObject({ new: postingCount, skipped: 0 });

    const embed = await aura("embed", "--json");
    expect(embed.code, embed.stderr).toBe(0);
    firstEmbed = JSON.parse(embed.stdout) as EmbedJson;

    const profile = await aura("profile", "set", "--cv", dsCvFile);
    expect(profile.code, profile.stderr).toBe(0);
  }, TIMEOUT);

  it("embed --json embeds every imported job, and a second run embeds none", async () => {
    expect(firstEmbed.embedded).toBe(postingCount);
    expect(firstEmbed.upToDate).toBe(0);
    expect(firstEmbed.indexedJobs).toBe(postingCount);
    expect(firstEmbed.model).toBeTruthy();

    const again = await aura("embed", "--json");
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as EmbedJson;
    expect(summary.embedded).toBe(0);
    expect(summary.upToDate).toBe(postingCount);
    expect(summary.model).toBe(firstEmbed.model);
  });

  it("rank --json --top 3 lists the best 3 for the stored CV, with scores and reasons", async () => {
    const run = await aura("rank", "--json", "--top", "3");
    expect(run.code, run.stderr).toBe(0);
    // Every job has a vector, so nothing to warn about.
    expect(run.stderr).not.toContain("no vector");
    const ranked = JSON.parse(run.stdout) as RankedJson[];
    expect(ranked).toHaveLength(3);
    for (const [i, job] of ranked.entries()) {
      expect(Number.isInteger(job.id)).toBe(true);
      expect(typeof job.title).toBe("string");
      expect(typeof job.company).toBe("string");
      expect(job.url).toMatch(/^https:\/\/example\.org\/jobs\//);
      expect(Number.isFinite(job.score)).toBe(true);
      if (i > 0) expect(job.score).toBeLessThanOrEqual((ranked[i - 1] as RankedJson).score);
      expect(Object.keys(job.features)).toEqual(
        expect.arrayContaining(["keywords", "semantic", "title", "skills", "salary"]),
      );
      for (const feature of Object.values(job.features)) {
        expect(Number.isFinite(feature.value)).toBe(true);
        expect(Number.isFinite(feature.weight)).toBe(true);
        expect(Number.isFinite(feature.contribution)).toBe(true);
      }
      expect(Array.isArray(job.why.matchedSkills)).toBe(true);
      expect(typeof job.why.salary).toBe("string");
      expect(typeof job.why.summary).toBe("string");
    }
    topThree = ranked.map((job) => job.title);
    const best = ranked[0] as RankedJson;
    expect(best.title).toBe("Senior Data Scientist");
    expect(best.company).toBe("Northwind Analytics");
    expect(best.url).toBe("https://example.org/jobs/data-scientist");
    expect(best.why.matchedSkills).toEqual(expect.arrayContaining(["Python", "SQL"]));
    expect(best.why.salary).toContain("150,000");
  });

  it("rank --cv ranks for another CV without changing the stored profile", async () => {
    const run = await aura("rank", "--cv", salesCvFile, "--json", "--top", "3");
    expect(run.code, run.stderr).toBe(0);
    const ranked = JSON.parse(run.stdout) as RankedJson[];
    expect(ranked).toHaveLength(3);
    expect(ranked[0]?.title).toBe("Account Executive, Mid-Market");
    expect(ranked.map((job) => job.title)).not.toContain("Senior Data Scientist");

    const show = await aura("profile", "show", "--json");
    expect(show.code, show.stderr).toBe(0);
    const profile = JSON.parse(show.stdout) as ProfileJson;
    expect(profile.cvFile).toBe("data-science-cv.txt");
    expect(profile.cvWords).toBe(wordCount(dataScienceCv));

    // And the stored CV still ranks as before (its cached vector is not the one-off CV's).
    const stored = await aura("rank", "--json", "--top", "1");
    expect(stored.code, stored.stderr).toBe(0);
    expect((JSON.parse(stored.stdout) as RankedJson[])[0]?.title).toBe("Senior Data Scientist");
  });

  it("rank --cv with a file that does not exist exits 2 naming it", async () => {
    const run = await aura("rank", "--cv", join(dir, "missing-cv.docx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing-cv.docx");
    expectNoStackTrace(run);
  });

  it("rank prints a table with the titles, best first", async () => {
    const titles =
      topThree ??
      (JSON.parse((await aura("rank", "--json", "--top", "3")).stdout) as RankedJson[]).map(
        (job) => job.title,
      );
    const run = await aura("rank", "--top", "3");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Top 3 for data-science-cv.txt");
    // The title column is 30 wide: titles up to 28 characters sit on one line.
    for (const title of titles.filter((t) => t.length <= 28)) expect(run.stdout).toContain(title);
    for (const word of titles
      .join(" ")
      .split(/[\s,]+/)
      .filter(Boolean)) {
      expect(run.stdout).toContain(word);
    }
    // Row n starts with its rank and shows the n-th title (its first line, when wrapped).
    const lines = run.stdout.split("\n");
    titles.forEach((title, i) => {
      const row = lines.find((line) => line.startsWith(`│ ${i + 1} `));
      expect(row, title).toContain(title.split(" ")[0]);
    });
  });

  it("rank --top 0 exits 2", async () => {
    const run = await aura("rank", "--top", "0");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--top");
    expect(run.stdout).toBe("");
  });

  it('search "salesforce" --json finds the account executive job', async () => {
    const run = await aura("search", "salesforce", "--json");
    expect(run.code, run.stderr).toBe(0);
    const jobs = JSON.parse(run.stdout) as { id: number; title: string; score: number }[];
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(jobs[0]?.title).toBe("Account Executive, Mid-Market");
    expect(typeof jobs[0]?.score).toBe("number");
  });

  it("a search matching nothing says so and exits 0", async () => {
    const run = await aura("search", "zyxwvutq");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("No live job matches zyxwvutq");
    const json = await aura("search", "zyxwvutq", "--json");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it("search with no words exits 2", async () => {
    const none = await aura("search");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("query");
    const blank = await aura("search", "  ");
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain("Give some words");
    expectNoStackTrace(blank);
  });
});

describe("aura rank without a profile", { timeout: TIMEOUT }, () => {
  const dir = tempDir("no-profile");
  const aura = auraIn(dir);

  it("says to set a CV (or pass --cv) and exits non-zero", async () => {
    const run = await aura("rank");
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("No profile yet");
    expect(run.stderr).toContain("--cv");
    expectNoStackTrace(run);
  });

  it("a one-off rank --cv stores no profile", async () => {
    const cv = join(dir, "sales-cv.txt");
    writeFileSync(cv, salesCv);
    const oneOff = await aura("rank", "--cv", cv);
    expect(oneOff.code, oneOff.stderr).toBe(0);

    const show = await aura("profile", "show");
    expect(show.code).not.toBe(0);
    expect(show.stderr).toContain("No profile yet");
    const rank = await aura("rank");
    expect(rank.code).not.toBe(0);
    expect(rank.stderr).toContain("No profile yet");
  });
});

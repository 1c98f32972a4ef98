import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { auraIn } from "./run-aura.ts";

/** The `aura` command as a person runs it, in its own working directory and database. */
const cwd = mkdtempSync(join(tmpdir(), "aura-cli-"));
const aura = auraIn(cwd);

describe("aura CLI", () => {
  let firstIngest: { sources: Record<string, unknown>[]; totals: Record<string, number> };

  beforeAll(async () => {
    const run = await aura("ingest", "--offline", "--json");
    expect(run.code, run.stderr).toBe(0);
    firstIngest = JSON.parse(run.stdout);
  }, 120_000);

  it("ingest --offline --json prints per-source counts and totals that add up", () => {
    expect(firstIngest.sources.length).toBe(11);
    for (const source of firstIngest.sources) {
      expect(Object.keys(source)).toEqual(
        expect.arrayContaining([
          "name",
          "fetched",
          "new",
          "updated",
          "duplicates",
          "skipped",
          "errors",
        ]),
      );
    }
    const {
      fetched,
      new: created,
      updated,
      duplicates,
      skipped,
    } = firstIngest.totals as Record<string, number>;
    expect(created).toBeGreaterThanOrEqual(1000);
    expect(fetched).toBe((created ?? 0) + (updated ?? 0) + (duplicates ?? 0) + (skipped ?? 0));
  });

  it("a second offline ingest adds nothing", async () => {
    const run = await aura("ingest", "--offline", "--json");
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.totals.new).toBe(0);
    expect(summary.totals.updated).toBe(0);
  }, 60_000);

  it("jobs list --json prints jobs with their credited sources", async () => {
    const run = await aura("jobs", "list", "--json", "--limit", "5");
    expect(run.code).toBe(0);
    const jobs = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(jobs).toHaveLength(5);
    for (const job of jobs) {
      for (const key of [
        "id",
        "title",
        "company",
        "url",
        "sources",
        "location",
        "remote",
        "salaryMin",
        "salaryMax",
        "currency",
        "postedAt",
      ]) {
        expect(job, key).toHaveProperty(key);
      }
      expect((job.sources as { label: string; url: string }[])[0]?.url).toMatch(/^https?:\/\//);
    }
  });

  it("jobs show prints the job and names the board that listed it", async () => {
    const list = JSON.parse((await aura("jobs", "list", "--json", "--limit", "1")).stdout) as {
      id: number;
      title: string;
    }[];
    const job = list[0] as { id: number; title: string };
    const run = await aura("jobs", "show", String(job.id));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(job.title);
    expect(run.stdout).toMatch(/via .+: https?:\/\//);
  });

  it("import stores good lines and reports bad ones with their line numbers", async () => {
    const file = join(cwd, "mine.csv");
    writeFileSync(
      file,
      [
        "title,company,url,description,postedAt,salaryMin,salaryMax,currency",
        'Data Engineer,Acme GmbH,https://acme.example/jobs/1,"<p>Build pipelines, with <b>care</b></p>",2019-03-01,60000,70000,EUR',
        ",Nameless Inc,https://nameless.example/1,,,,,",
        "Analyst,Beta,not a url,,,,,",
      ].join("\n"),
    );
    const run = await aura("import", file, "--json");
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.totals).toMatchObject({ new: 1, skipped: 2 });
    expect(summary.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4]);
    const again = JSON.parse((await aura("import", file, "--json")).stdout);
    expect(again.totals).toMatchObject({ new: 0, duplicates: 1 });
  }, 60_000);

  it("says what is wrong, without a stack trace, and exits non-zero", async () => {
    const unknownSource = await aura("ingest", "--source", "nope");
    expect(unknownSource.code).toBe(2);
    expect(unknownSource.stderr).toContain('Unknown source "nope"');
    const missingJob = await aura("jobs", "show", "999999");
    expect(missingJob.code).toBe(1);
    expect(missingJob.stderr).toContain("No job with id 999999");
    const missingFile = await aura("import", join(cwd, "nope.jsonl"));
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it("stops on a config value of the wrong type, naming the key", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aura-cli-config-"));
    writeFileSync(join(dir, "aura.config.yaml"), "ingest:\n  maxAgeDays: soon\n");
    const run = await auraIn(dir)("jobs", "list");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ingest.maxAgeDays");
  });
});

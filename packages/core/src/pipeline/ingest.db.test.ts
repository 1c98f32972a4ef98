import { readFileSync } from "node:fs";
import { count, eq, isNotNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { configSchema } from "../config/config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { jobSources, jobs } from "../db/schema.ts";
import { createHttpClient } from "../sources/http-client.ts";
import { remoteOkSource } from "../sources/remoteok/source.ts";
import { remotiveSource } from "../sources/remotive/source.ts";
import {
  type ReplayRoute,
  type ReplayServer,
  recordedDir,
  startReplayServer,
} from "../sources/replay-server.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { type IngestOptions, ingest, type SourceStats } from "./ingest.ts";
import { runIngest } from "./run-ingest.ts";

const remoteOk = JSON.parse(readFileSync(`${recordedDir}remoteok.json`, "utf8")) as Record<
  string,
  unknown
>[];
const remotive = JSON.parse(readFileSync(`${recordedDir}remotive.json`, "utf8")) as {
  jobs: Record<string, unknown>[];
};

let handle: DatabaseHandle;
let server: ReplayServer | undefined;

beforeEach(async () => {
  handle = await createTestDatabase();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await handle.close();
});

const http = createHttpClient({ timeoutMs: 300, retries: 1, backoffMs: 1, paceMs: 0 });
const options: IngestOptions = {
  maxAgeDays: null,
  expireAfterDays: 14,
  concurrency: 2,
  offline: false,
};

/** Serves remoteok and remotive bodies (or faults) and ingests both. */
async function ingestBoth(
  routes: { remoteok?: ReplayRoute["response"]; remotive?: ReplayRoute["response"] },
  overrides: Partial<IngestOptions> = {},
) {
  await server?.close();
  server = await startReplayServer([
    { path: "/remoteok/api", response: routes.remoteok ?? { body: JSON.stringify(remoteOk) } },
    {
      path: "/remotive/api/remote-jobs",
      response: routes.remotive ?? { body: JSON.stringify(remotive) },
    },
  ]);
  const summary = await ingest(
    handle.db,
    http,
    [
      { source: remoteOkSource, options: {}, baseUrl: `${server.url}/remoteok` },
      {
        source: remotiveSource,
        options: remotiveSource.optionsSchema.parse({}),
        baseUrl: `${server.url}/remotive`,
      },
    ],
    { ...options, ...overrides },
  );
  const byName = Object.fromEntries(summary.sources.map((s) => [s.name, s])) as Record<
    string,
    SourceStats
  >;
  return {
    summary,
    remoteok: byName.remoteok as SourceStats,
    remotive: byName.remotive as SourceStats,
  };
}

async function jobCount(): Promise<number> {
  const [row] = await handle.db.select({ n: count() }).from(jobs);
  return Number(row?.n);
}

function balanced(s: SourceStats): boolean {
  return s.fetched === s.new + s.updated + s.duplicates + s.skipped;
}

describe("ingest", () => {
  it("stores both boards, and a second run adds nothing", async () => {
    const first = await ingestBoth({});
    expect(first.remoteok).toMatchObject({ fetched: 97, skipped: 1, errors: 0 });
    expect(first.remotive).toMatchObject({ fetched: 22, errors: 0 });
    expect(balanced(first.remoteok) && balanced(first.remotive)).toBe(true);
    const stored = await jobCount();
    expect(stored).toBe(first.summary.totals.new);
    expect(stored).toBeGreaterThan(100);

    const second = await ingestBoth({});
    expect(second.summary.totals.new).toBe(0);
    expect(second.summary.totals.updated).toBe(0);
    expect(second.summary.totals.duplicates).toBe(
      first.summary.totals.new + first.summary.totals.duplicates,
    );
    expect(await jobCount()).toBe(stored);
  });

  it("keeps going when one board fails, and loses nothing already stored", async () => {
    await ingestBoth({});
    const stored = await jobCount();
    const run = await ingestBoth({ remoteok: { status: 500 } });
    expect(run.remoteok.errors).toBe(1);
    expect(run.remoteok.messages[0]).toContain("HTTP 500");
    expect(run.remotive).toMatchObject({ errors: 0, fetched: 22, duplicates: 22 });
    expect(await jobCount()).toBe(stored);
  });

  it("retries a 429 and then stores the board", async () => {
    const run = await ingestBoth({
      remoteok: [
        { status: 429, headers: { "retry-after": "0" } },
        { body: JSON.stringify(remoteOk) },
      ],
    });
    expect(run.remoteok).toMatchObject({ errors: 0, new: 96 });
  });

  it("counts a board that hangs past the timeout as an error, and stores the others", async () => {
    const run = await ingestBoth({ remoteok: { hang: true } });
    expect(run.remoteok).toMatchObject({ errors: 1, fetched: 0 });
    expect(run.remoteok.messages[0]).toMatch(/no answer within 300 ms/);
    expect(run.remotive.new).toBe(22);
  });

  it("counts truncated JSON as an error", async () => {
    const body = JSON.stringify(remotive);
    const run = await ingestBoth({ remotive: { body: body.slice(0, body.length / 2) } });
    expect(run.remotive).toMatchObject({ errors: 1, fetched: 0 });
    expect(run.remotive.messages[0]).toMatch(/invalid JSON/);
    expect(run.remoteok.new).toBe(96);
  });

  it("skips and counts postings with wrong field types, storing the rest", async () => {
    const [first, second, ...rest] = remotive.jobs;
    const broken = {
      ...remotive,
      jobs: [{ ...first, title: 42 }, { ...second, company_name: null }, ...rest],
    };
    const run = await ingestBoth({ remotive: { body: JSON.stringify(broken) } });
    expect(run.remotive).toMatchObject({ fetched: 22, skipped: 2, new: 20, errors: 0 });
    expect(run.remotive.messages.join("\n")).toMatch(/title/);
  });

  it("never stores a script from a description", async () => {
    const [first, ...rest] = remotive.jobs;
    const hostile = {
      ...remotive,
      jobs: [
        {
          ...first,
          description:
            '<p>Great role</p><script>document.location="https://evil.example"</script><style>p{}</style><ul><li>Go</li></ul>',
        },
        ...rest,
      ],
    };
    await ingestBoth({ remotive: { body: JSON.stringify(hostile) } });
    const [row] = await handle.db
      .select({ description: jobs.description })
      .from(jobs)
      .where(eq(jobs.title, String(first?.title)));
    expect(row?.description).toContain("Great role");
    expect(row?.description).toContain("- Go");
    expect(row?.description).not.toMatch(/evil|script|document\.location|p\{\}/);
  });

  it("updates a posting that changed on its board", async () => {
    await ingestBoth({});
    const [first, ...rest] = remotive.jobs;
    const changed = {
      ...remotive,
      jobs: [{ ...first, title: "Content Reviewer (Spanish) - US" }, ...rest],
    };
    const run = await ingestBoth({ remotive: { body: JSON.stringify(changed) } });
    expect(run.remotive).toMatchObject({ updated: 1, duplicates: 21, new: 0 });
    const titles = await handle.db
      .select({ title: jobs.title })
      .from(jobs)
      .where(eq(jobs.title, "Content Reviewer (Spanish) - US"));
    expect(titles).toHaveLength(1);
  });

  it("merges the same job seen on two boards into one job with both links", async () => {
    const job = remotive.jobs[0] as Record<string, unknown>;
    const onRemoteOk = [
      remoteOk[0],
      {
        id: "999001",
        slug: "content-reviewer",
        position: job.title,
        company: job.company_name,
        description: job.description,
        url: "https://remoteok.com/remote-jobs/999001",
        tags: [],
        epoch: 1776000000,
      },
    ];
    const run = await ingestBoth({ remoteok: { body: JSON.stringify(onRemoteOk) } });
    expect(run.summary.totals.new).toBe(22);
    expect(run.summary.totals.duplicates).toBe(1);
    const links = await handle.db
      .select({ source: jobSources.source, url: jobSources.url })
      .from(jobSources)
      .innerJoin(jobs, eq(jobs.id, jobSources.jobId))
      .where(eq(jobs.title, String(job.title)));
    expect(links.map((l) => l.source).sort()).toEqual(["remoteok", "remotive"]);
  });

  it("keeps openings apart whose titles differ only by their place", async () => {
    const job = remotive.jobs[0] as Record<string, unknown>;
    const opening = (id: string, title: string) => ({
      id,
      position: title,
      company: "Datadog",
      description: job.description,
      url: `https://remoteok.com/remote-jobs/${id}`,
      tags: [],
      epoch: 1776000000,
    });
    const body = [
      remoteOk[0],
      opening("801", "Senior Sales Engineer - Majors (France)"),
      opening("802", "Senior Sales Engineer - Majors (UK/Nordics/Netherlands)"),
      opening("803", "Senior Sales Engineer - Majors (France) (m/w/d)"),
    ];
    const run = await ingestBoth({ remoteok: { body: JSON.stringify(body) } });
    expect(run.remoteok).toMatchObject({ new: 2, duplicates: 1 });
  });

  it("keeps postings inside the age window only, counting the old ones as skipped", async () => {
    // The recorded Remote OK feed is from August 2025.
    const run = await ingestBoth({}, { maxAgeDays: 7, now: new Date("2025-08-29T00:00:00Z") });
    expect(run.remoteok.skippedReasons.tooOld).toBeGreaterThan(0);
    expect(run.remoteok.new).toBeGreaterThan(0);
    expect(run.remoteok.new + run.remoteok.skipped).toBe(97);
    expect(balanced(run.remoteok)).toBe(true);
  });

  it("marks a posting gone from its board for 14 days as expired, but not when the board fails", async () => {
    const t0 = new Date("2026-11-01T00:00:00Z");
    await ingestBoth({}, { now: t0 });
    const [gone, ...kept] = remotive.jobs;
    const without = { body: JSON.stringify({ ...remotive, jobs: kept }) };
    // Day 10: not yet.
    await ingestBoth({ remotive: without }, { now: new Date("2026-11-11T00:00:00Z") });
    expect(await expiredTitles()).toEqual([]);
    // Day 20: Remote OK is down, Remotive answered without it: only Remotive's job expires.
    const run = await ingestBoth(
      { remoteok: { status: 503 }, remotive: without },
      { now: new Date("2026-11-21T00:00:00Z") },
    );
    expect(run.summary.expired).toBe(1);
    expect(await expiredTitles()).toEqual([gone?.title]);
    // It comes back: no longer expired.
    await ingestBoth({}, { now: new Date("2026-11-22T00:00:00Z") });
    expect(await expiredTitles()).toEqual([]);
  });

  it("stores a posting with NUL bytes and broken characters, cleaned", async () => {
    const [first, ...rest] = remotive.jobs;
    const dirty = {
      ...remotive,
      jobs: [{ ...first, title: "Null\u0000 Hunter \ud83d", description: "a\u0000b" }, ...rest],
    };
    const run = await ingestBoth({ remotive: { body: JSON.stringify(dirty) } });
    expect(run.remotive).toMatchObject({ new: 22, skipped: 0, errors: 0 });
    const rows = await handle.db
      .select({ title: jobs.title })
      .from(jobs)
      .where(eq(jobs.title, "Null Hunter"));
    expect(rows).toHaveLength(1);
  });

  it("counts a posting listed twice in one response once", async () => {
    const [first, ...rest] = remotive.jobs;
    const twice = {
      ...remotive,
      jobs: [first, { ...first, candidate_required_location: "Mars" }, ...rest],
    };
    const run = await ingestBoth({ remotive: { body: JSON.stringify(twice) } });
    expect(run.remotive).toMatchObject({ fetched: 23, new: 22, duplicates: 1, updated: 0 });
    const again = await ingestBoth({ remotive: { body: JSON.stringify(twice) } });
    expect(again.remotive).toMatchObject({ new: 0, duplicates: 23, updated: 0 });
  });

  it("does not count a board as answered when none of its postings can be read", async () => {
    const t0 = new Date("2026-11-01T00:00:00Z");
    await ingestBoth({}, { now: t0 });
    const unreadable = { ...remotive, jobs: remotive.jobs.map((j) => ({ ...j, title: 7 })) };
    const run = await ingestBoth(
      { remotive: { body: JSON.stringify(unreadable) } },
      { now: new Date("2026-11-30T00:00:00Z") },
    );
    expect(run.remotive.skippedReasons.invalid).toBe(22);
    expect(await expiredTitles()).not.toContain(remotive.jobs[0]?.title);
  });

  it("never expires jobs on an offline replay", async () => {
    await ingestBoth({}, { now: new Date("2026-11-01T00:00:00Z") });
    const [, ...kept] = remotive.jobs;
    const run = await ingestBoth(
      { remotive: { body: JSON.stringify({ ...remotive, jobs: kept }) } },
      { now: new Date("2026-12-01T00:00:00Z"), offline: true },
    );
    expect(run.summary.expired).toBe(0);
    expect(await expiredTitles()).toEqual([]);
  });

  async function expiredTitles() {
    const rows = await handle.db
      .select({ title: jobs.title })
      .from(jobs)
      .where(isNotNull(jobs.expiredAt));
    return rows.map((r) => r.title);
  }
});

describe("offline ingest of the bundled sample", () => {
  let sample: DatabaseHandle;
  beforeAll(async () => {
    sample = await createTestDatabase();
  });
  afterAll(() => sample.close());

  it("stores more than 1,000 real postings from every source, and nothing the second time", async () => {
    const config = configSchema.parse({});
    const first = await runIngest(sample.db, config, { offline: true });
    expect(first.offline).toBe(true);
    expect(first.totals.new).toBeGreaterThanOrEqual(1000);
    for (const s of first.sources) {
      expect(s.fetched, s.name).toBeGreaterThan(0);
      expect(s.new, s.name).toBeGreaterThan(0);
      expect(balanced(s), s.name).toBe(true);
    }
    const second = await runIngest(sample.db, config, { offline: true });
    expect(second.totals.new).toBe(0);
    expect(second.totals.updated).toBe(0);
  }, 120_000);
});

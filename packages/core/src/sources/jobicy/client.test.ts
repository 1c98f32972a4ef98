import { afterEach, describe, expect, it } from "vitest";
import { createHttpClient } from "../http-client.ts";
import { type ReplayRoute, type ReplayServer, startReplayServer } from "../replay-server.ts";
import { jobicySource } from "./source.ts";

const http = createHttpClient({ timeoutMs: 2000, retries: 0, backoffMs: 1, paceMs: 0 });
const PATH = "/api/v2/remote-jobs";
let server: ReplayServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function collect(routes: ReplayRoute[], options: unknown): Promise<unknown[][]> {
  server = await startReplayServer(routes);
  const pages: unknown[][] = [];
  const context = {
    http,
    baseUrl: server.url,
    options: jobicySource.optionsSchema.parse(options),
    since: null,
  };
  for await (const page of jobicySource.fetch(context)) pages.push(page);
  return pages;
}

describe("fetchJobicy", () => {
  it("serves every recorded posting through the recorded routes", async () => {
    const pages = await collect(jobicySource.recorded.routes, jobicySource.recorded.options);
    expect(pages.map((items) => items.length)).toEqual([5]);
    expect(server?.requests).toEqual([`${PATH}?count=50`]);
    expect(pages[0]?.filter((job) => jobicySource.transform(job).ok)).toHaveLength(5);
  });

  it("passes count, geo, industry and tag as query parameters", async () => {
    const body = JSON.stringify({ apiVersion: "2", jobCount: 1, jobs: [{ id: 9 }] });
    const pages = await collect([{ path: PATH, response: { body } }], {
      count: 20,
      geo: "usa",
      industry: "engineering",
      tag: "rust dev",
    });
    expect(pages).toEqual([[{ id: 9 }]]);
    expect(server?.requests).toEqual([
      `${PATH}?count=20&geo=usa&industry=engineering&tag=rust+dev`,
    ]);
  });

  it("fails on a response without a jobs array", async () => {
    await expect(
      collect([{ path: PATH, response: { body: '{"success":false}' } }], {}),
    ).rejects.toThrow(/no "jobs" array/);
  });

  it("validates its options, naming a misspelt key", () => {
    expect(jobicySource.optionsSchema.parse({})).toEqual({ count: 50 });
    expect(jobicySource.optionsSchema.safeParse({ count: 101 }).success).toBe(false);
    expect(jobicySource.optionsSchema.safeParse({ tag: "go" }).success).toBe(false);
    const result = jobicySource.optionsSchema.safeParse({ industries: "dev" });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("industries");
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auraIn } from "./run-aura.ts";

/** `aura runs` as a person runs it on a fresh install: the schedules and nothing run yet. */
const aura = auraIn(mkdtempSync(join(tmpdir(), "aura-runs-")));

describe("aura runs", () => {
  it("shows the schedules with their next runs, and says nothing has run yet", async () => {
    const json = await aura("runs", "--json");
    expect(json.code, json.stderr).toBe(0);
    const shown = JSON.parse(json.stdout);
    expect(shown.enabled).toBe(true);
    expect(shown.status).toMatchObject({
      runner: "in-process",
      schedules: [
        { name: "gather", pattern: "0 4 * * *" },
        { name: "sweep", pattern: "*/15 * * * *" },
      ],
      queue: { waiting: 0, running: 0, failed: 0 },
    });
    const nextGather = new Date(shown.status.schedules[0].nextRunAt);
    expect(nextGather.getUTCHours()).toBe(4);
    expect(nextGather.getTime()).toBeGreaterThan(Date.now());
    expect(nextGather.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(shown.runs).toEqual([]);
    expect(shown.people).toMatchObject({ scheduled: 0, dueNow: 0 });

    const text = await aura("runs");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("gather jobs");
    expect(text.stdout).toContain("No task has run yet.");
  }, 180_000);
});

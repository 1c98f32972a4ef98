// The dependency rules (.dependency-cruiser.cjs, run by `npm run lint`) catch what they say
// they catch: dependency-cruiser runs on small trees laid out like the repository.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const depcruise = path.join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const CONFIG_FILES = [".dependency-cruiser.cjs", ".dependency-cruiser.resolve.cjs"];
// Inside the repository, so that the config finds the packages it loads (@swc/core).
const cacheDir = path.join(root, "node_modules/.cache");
const made: string[] = [];

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A tree with @aura/core, @aura/api and a database driver, plus `files`. */
function tree(files: Record<string, string>): string {
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(path.join(cacheDir, "dependency-rules-"));
  made.push(dir);
  const all: Record<string, string> = {
    "packages/core/package.json": JSON.stringify({
      name: "@aura/core",
      type: "module",
      exports: { ".": "./src/index.ts" },
    }),
    "packages/core/src/index.ts": "export const core = 1;\n",
    "packages/api/src/app.ts": "export const api = 1;\n",
    "node_modules/drizzle-orm/package.json": JSON.stringify({
      name: "drizzle-orm",
      main: "index.js",
    }),
    "node_modules/drizzle-orm/index.js": "module.exports = {};\n",
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  // A workspace package, as npm links it.
  mkdirSync(path.join(dir, "node_modules/@aura"), { recursive: true });
  symlinkSync("../../packages/core", path.join(dir, "node_modules/@aura/core"));
  for (const file of CONFIG_FILES) copyFileSync(path.join(root, file), path.join(dir, file));
  return dir;
}

/**
 * Runs the check as `npm run lint` does: each violation as "rule: from → to" (a cycle as
 * "rule: where it starts"), and the exit status.
 */
function check(dir: string): { status: number | null; violations: string[]; stderr: string } {
  const run = spawnSync(
    process.execPath,
    [depcruise, "packages", "apps", "--config", ".dependency-cruiser.cjs"],
    { cwd: dir, encoding: "utf8" },
  );
  const violations = [...run.stdout.matchAll(/^ {2}error ([\w-]+): (\S+) →(?: (\S+))? *$/gm)].map(
    ([, rule, from, to]) => `${rule}: ${from}${to ? ` → ${to}` : ""}`,
  );
  return { status: run.status, violations: violations.sort(), stderr: run.stderr };
}

describe("the dependency rules", () => {
  it("fail on each kind of violation, and name its rule", () => {
    const dir = tree({
      "packages/core/src/rank/door.ts": 'import { api } from "../../../api/src/app.ts";\n',
      "apps/web/src/view.tsx":
        'import { core } from "@aura/core";\nexport const View = () => <p>{core}</p>;\n',
      "apps/web/src/data.ts": 'import "drizzle-orm";\n',
      "packages/cli/src/command.ts": 'import "../../core/src/learn/model.ts";\n',
      "packages/api/src/route.ts": 'import { core } from "@aura/core";\nexport const x = core;\n',
      "packages/core/src/sources/board.ts": 'import "../learn/model.ts";\n',
      "packages/core/src/sources/save.ts": 'import "drizzle-orm";\n',
      "packages/core/src/learn/model.ts": "export const model = 1;\n",
      // learn → rank and rank → learn through different files: a cycle of folders only.
      "packages/core/src/learn/pick.ts": 'import "../rank/score.ts";\n',
      "packages/core/src/rank/score.ts": 'import "../learn/model.ts";\n',
      "packages/core/src/track/a.ts": 'import "./b.ts";\n',
      "packages/core/src/track/b.ts": 'import "./a.ts";\n',
      "packages/core/src/jobs/job.ts": 'import "./store/list.ts";\n',
      "packages/core/src/jobs/store/list.ts": "export const list = 1;\n",
      "packages/core/src/shared/leaf.ts": 'import "../learn/model.ts";\n',
      "packages/core/src/track/lost.ts": 'import "./nowhere.ts";\n',
      "packages/core/src/jobs/dedupe/keys.ts": 'import "../../db/schema.ts";\n',
      "packages/core/src/db/schema.ts": "export const jobs = 1;\n",
    });
    const result = check(dir);
    expect(result.stderr).toBe("");
    const core = "packages/core/src";
    expect(result.violations).toEqual([
      `core-imports-no-door: ${core}/rank/door.ts → packages/api/src/app.ts`,
      `doors-use-core-entries: packages/cli/src/command.ts → ${core}/learn/model.ts`,
      `imports-resolve: ${core}/track/lost.ts → ./nowhere.ts`,
      `jobs-files-below-jobs-subfolders: ${core}/jobs/job.ts → ${core}/jobs/store/list.ts`,
      `no-cycle-between-core-folders: ${core}/learn`,
      `no-cycle-between-core-folders: ${core}/rank`,
      `no-cycle-in-core: ${core}/track/a.ts`,
      `normalize-and-dedupe-touch-no-database: ${core}/jobs/dedupe/keys.ts → ${core}/db/schema.ts`,
      `shared-is-a-leaf: ${core}/shared/leaf.ts → ${core}/learn/model.ts`,
      `sources-import-no-rank-learn-or-db: ${core}/sources/board.ts → ${core}/learn/model.ts`,
      `sources-import-no-rank-learn-or-db: ${core}/sources/save.ts → node_modules/drizzle-orm/index.js`,
      "web-imports-no-core-api-or-database: apps/web/src/data.ts → node_modules/drizzle-orm/index.js",
      `web-imports-no-core-api-or-database: apps/web/src/view.tsx → ${core}/index.ts`,
    ]);
    expect(result.status).not.toBe(0);
  }, 60_000);

  it("pass a tree that keeps them, tests aside", () => {
    const dir = tree({
      "packages/core/src/learn/pick.ts":
        'import "../rank/score.ts";\nimport "../shared/leaf.ts";\n',
      "packages/core/src/rank/score.ts": 'import "../jobs/job.ts";\n',
      "packages/core/src/jobs/store/list.ts": 'import "../job.ts";\n',
      "packages/core/src/jobs/job.ts": "export const job = 1;\n",
      "packages/core/src/shared/leaf.ts": "export const leaf = 1;\n",
      "packages/core/src/rank/score.test.ts": 'import "../../../api/src/app.ts";\n',
      "apps/web/src/view.tsx":
        'import { x } from "@/lib/x";\nexport const View = () => <p>{x}</p>;\n',
      "apps/web/src/lib/x.ts": "export const x = 1;\n",
    });
    expect(check(dir)).toEqual({ status: 0, violations: [], stderr: "" });
  }, 60_000);
});

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";

describe("the embedded database folder lock", () => {
  const dirs: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), "aura-lock-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a folder another running process holds, naming it", async () => {
    const dir = folder();
    const other = spawn("sleep", ["30"]);
    try {
      writeFileSync(
        join(dir, "aura.lock"),
        JSON.stringify({ pid: other.pid, command: "aura serve" }),
      );
      await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({
        code: "conflict",
        field: "AURA_DATA_DIR",
        message: expect.stringContaining(`pid ${other.pid}: aura serve`),
      });
      // Nothing was taken over.
      expect(JSON.parse(readFileSync(join(dir, "aura.lock"), "utf8")).pid).toBe(other.pid);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that died, and releases it on close", async () => {
    const dir = folder();
    const gone = spawn("true");
    await new Promise((resolve) => gone.on("exit", resolve));
    writeFileSync(join(dir, "aura.lock"), JSON.stringify({ pid: gone.pid }));
    const handle = await openDatabase({ dataDir: dir });
    try {
      expect(JSON.parse(readFileSync(join(dir, "aura.lock"), "utf8")).pid).toBe(process.pid);
    } finally {
      await handle.close();
    }
    expect(existsSync(join(dir, "aura.lock"))).toBe(false);
  });
});

import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** What one `aura` run printed, and its exit code. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const bin = fileURLToPath(new URL("../bin/aura.js", import.meta.url));
// Plain text, whatever the CI environment asks of colours; never a configured server.
const plainEnv = {
  ...process.env,
  NO_COLOR: "1",
  FORCE_COLOR: undefined,
  DATABASE_URL: "",
  AURA_CONFIG: undefined,
  AURA_DEBUG: undefined,
};

/** For tests: the real `aura` command, run as a person runs it in `dir`, its database in `dir/data`. */
export function auraIn(dir: string, timeoutMs = 120_000): (...args: string[]) => Promise<Run> {
  return (...args) =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [bin, ...args],
        { cwd: dir, env: { ...plainEnv, AURA_DATA_DIR: join(dir, "data") }, timeout: timeoutMs },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
}

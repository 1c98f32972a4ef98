import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { loadConfig } from "./config.ts";

function dirWith(yaml: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), "aura-config-"));
  if (yaml !== null) writeFileSync(join(dir, "aura.config.yaml"), yaml);
  return dir;
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

describe("loadConfig", () => {
  it("uses defaults when there is no file", () => {
    const dir = dirWith(null);
    const { config, file } = loadConfig({ cwd: dir, env: {} });
    expect(file).toBeNull();
    expect(config.dataDir).toBe(join(dir, "data"));
    expect(config.ingest.maxAgeDays).toBe(7);
    expect(config.ingest.expireAfterDays).toBe(14);
    expect(config.databaseUrl).toBeUndefined();
  });

  it("reads the file and lets the environment win", () => {
    const dir = dirWith("dataDir: store\ningest:\n  maxAgeDays: 3\nsources:\n  remoteok: false\n");
    const { config } = loadConfig({
      cwd: dir,
      env: { AURA_DATA_DIR: "/tmp/elsewhere", DATABASE_URL: "postgres://u@localhost/db" },
    });
    expect(config.ingest.maxAgeDays).toBe(3);
    expect(config.sources.remoteok).toBe(false);
    expect(config.dataDir).toBe("/tmp/elsewhere");
    expect(config.databaseUrl).toBe("postgres://u@localhost/db");
  });

  it("names the key of a wrong value", () => {
    const error = errorOf(() =>
      loadConfig({ cwd: dirWith("ingest:\n  maxAgeDays: soon\n"), env: {} }),
    );
    expect(error.code).toBe("invalid_config");
    expect(error.field).toBe("ingest.maxAgeDays");
    expect(error.message).toContain('"ingest.maxAgeDays"');
  });

  it("names an unknown key", () => {
    const error = errorOf(() => loadConfig({ cwd: dirWith("http:\n  timeout: 5\n"), env: {} }));
    expect(error.field).toBe("http.timeout");
    expect(error.message).toContain("timeout");
  });

  it("rejects a DATABASE_URL that is not a postgres URL", () => {
    const error = errorOf(() =>
      loadConfig({ cwd: dirWith(null), env: { DATABASE_URL: "mysql://x" } }),
    );
    expect(error.field).toBe("DATABASE_URL");
  });

  it("reports broken YAML", () => {
    const error = errorOf(() => loadConfig({ cwd: dirWith("ingest: [unclosed\n"), env: {} }));
    expect(error.message).toMatch(/not valid YAML/);
  });
});

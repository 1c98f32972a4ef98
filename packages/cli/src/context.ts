import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  AppError,
  type AuraConfig,
  createLogger,
  type DatabaseHandle,
  errorMessage,
  extractCvText,
  type Logger,
  loadConfig,
  migrateDatabase,
  openDatabase,
} from "@aura/core";
import { InvalidArgumentError } from "commander";
import pc from "picocolors";

export interface CommandContext {
  config: AuraConfig;
  handle: DatabaseHandle;
  log: Logger;
}

/**
 * The pipeline's structured events (sources read, jobs embedded, with counts and durations) on
 * stderr: JSON at `logLevel` where no one watches (a service, a container, CI); on a terminal,
 * whose progress bars already say it, warnings and errors only, as readable lines.
 */
export function commandLogger(config: AuraConfig): Logger {
  const terminal = process.stderr.isTTY === true;
  return createLogger({ level: terminal ? "warn" : config.logLevel, stream: "stderr" });
}

/** Loads config, opens and migrates the database, runs `fn`, and always closes. */
export async function withDatabase<T>(fn: (context: CommandContext) => Promise<T>): Promise<T> {
  const { config } = loadConfig({ cwd: process.cwd(), env: process.env });
  const handle = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateDatabase(handle);
    return await fn({ config, handle, log: commandLogger(config) });
  } finally {
    await handle.close();
  }
}

/** Prints an error a person can act on (never a stack trace) and sets the exit code. */
export function reportError(error: unknown): void {
  if (error instanceof AppError) {
    process.stderr.write(`${pc.red("error")} ${error.message}\n`);
    process.exitCode = error.code === "invalid_input" || error.code === "invalid_config" ? 2 : 1;
    return;
  }
  process.stderr.write(`${pc.red("error")} ${errorMessage(error)}\n`);
  if (process.env.AURA_DEBUG) console.error(error);
  process.exitCode = 1;
}

/** Wraps a command action so every failure is reported the same way. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      reportError(error);
    }
  };
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A commander option parser for offsets: a whole number, zero or more. */
export function parseOffset(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError(`expected a whole number of 0 or more, got "${value}"`);
  }
  return n;
}

/** A commander option parser for counts: commander prints the message and exits. */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  }
  return n;
}

/** A file the user named, or an `invalid_input` error naming the option. */
export async function readInputFile(file: string, field: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (cause) {
    throw new AppError("invalid_input", `Cannot read ${file}: ${(cause as Error).message}`, {
      field,
      cause,
    });
  }
}

/** A CV file's text (txt, md, pdf, docx) and its file name. */
export async function readCvFile(file: string): Promise<{ text: string; name: string }> {
  const name = path.basename(file);
  const { text } = await extractCvText({ name, bytes: await readInputFile(file, "cv") });
  return { text, name };
}

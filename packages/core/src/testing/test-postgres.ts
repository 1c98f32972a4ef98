// A real PostgreSQL server for tests that need one whatever the project they run in (the queue,
// worker processes): the server CI started (AURA_TEST_SERVER_URL), else one started here with
// scripts/start-test-postgres.sh, else none (PostgreSQL is not installed: the test is skipped).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createServerDatabase } from "./test-database.ts";

export interface TestPostgres {
  /** A fresh, empty database of its own on the server. */
  url: string;
  close(): Promise<void>;
}

const script = fileURLToPath(
  new URL("../../../../scripts/start-test-postgres.sh", import.meta.url),
);

function postgresInstalled(): boolean {
  if (!existsSync("/usr/lib/postgresql")) return false;
  return readdirSync("/usr/lib/postgresql").some((v) =>
    existsSync(`/usr/lib/postgresql/${v}/bin/initdb`),
  );
}

export async function startTestPostgres(): Promise<TestPostgres | null> {
  let serverUrl = process.env.AURA_TEST_SERVER_URL || process.env.AURA_TEST_DATABASE_URL;
  let stopServer = () => {};
  if (!serverUrl) {
    if (!postgresInstalled()) return null;
    const started = spawnSync("bash", [script], { encoding: "utf8" });
    if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`);
    serverUrl = started.stdout.trim();
    // "PostgreSQL data in <dir> (stop: <command>)" on stderr.
    const stop = /\(stop: (.*)\)/.exec(started.stderr)?.[1];
    stopServer = () => {
      if (stop) spawnSync("bash", ["-c", `${stop} -m immediate`], { stdio: "ignore" });
    };
  }
  const database = await createServerDatabase(serverUrl);
  return {
    url: database.url,
    async close() {
      await database.drop();
      stopServer();
    },
  };
}

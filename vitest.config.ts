import { defineConfig } from "vitest/config";

// Database tests (`*.db.test.ts`) run on a fresh in-memory PGlite, and a second time
// against a PostgreSQL server when AURA_TEST_DATABASE_URL names one (as .ci/run does).
const serverUrl = process.env.AURA_TEST_DATABASE_URL;

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: "pglite",
          include: [
            "packages/*/src/**/*.test.ts",
            "apps/web/src/**/*.test.ts",
            "eval/**/*.test.ts",
          ],
          // Tests that need a server whatever the project (the task queue) find it here.
          env: { AURA_TEST_DATABASE_URL: "", AURA_TEST_SERVER_URL: serverUrl ?? "" },
        },
      },
      ...(serverUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: ["packages/*/src/**/*.db.test.ts"],
                env: { AURA_TEST_DATABASE_URL: serverUrl },
              },
            },
          ]
        : []),
    ],
  },
});

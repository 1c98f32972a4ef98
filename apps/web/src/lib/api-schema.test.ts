// The web app's API types (api-schema.ts, checked in) are what the API's own OpenAPI document
// makes of them today: an API changed without `npm run api:types` fails here, and so in CI.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  API_SCHEMA_FILE,
  generateApiSchema,
  openApiDocument,
} from "../../../../scripts/generate-api-types.ts";
import { MAX_BATCH_SIZE, MAX_SEARCH_FREQUENCY_DAYS } from "./limits.ts";

let document: Awaited<ReturnType<typeof openApiDocument>>;

beforeAll(async () => {
  document = await openApiDocument();
});

/** A number a schema states for one property (its `maximum`, say), read without trusting shapes. */
function stated(schema: string, property: string, keyword: string): unknown {
  const schemas: unknown = document.components?.schemas;
  const path = [schema, "properties", property, keyword];
  return path.reduce<unknown>(
    (node, key) =>
      typeof node === "object" && node !== null && key in node ? Reflect.get(node, key) : undefined,
    schemas,
  );
}

describe("the web app's API types", () => {
  it("are generated from the running API's document, unchanged", async () => {
    const checkedIn = readFileSync(API_SCHEMA_FILE, "utf8");
    const generated = await generateApiSchema(document);
    expect(checkedIn, "apps/web/src/lib/api-schema.ts is stale: run `npm run api:types`").toBe(
      generated,
    );
  });

  it("let the inputs reach the limits the API states", () => {
    expect(stated("Preferences", "batchSize", "maximum") ?? MAX_BATCH_SIZE).toBe(MAX_BATCH_SIZE);
    expect(stated("Preferences", "searchFrequencyDays", "maximum")).toBe(MAX_SEARCH_FREQUENCY_DAYS);
  });
});

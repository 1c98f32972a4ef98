// openapi-typescript lives with the web app (it needs TypeScript 5's compiler API, which the
// repository's TypeScript 7 does not have), so scripts/generate-api-types.ts calls it from here.
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

export type { OpenAPI3 };

/** The TypeScript declarations (`paths`, `components`, `operations`) of an OpenAPI document. */
export async function openapiToTypeScript(document: OpenAPI3): Promise<string> {
  const nodes = await openapiTS(document, { silent: true });
  return astToString(nodes);
}

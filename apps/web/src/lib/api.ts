import createClient from "openapi-fetch";
import type { components, paths } from "./api-schema";

/** A failed API call: the API's own error code and message, and the field it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * The AURA API on this origin, typed by its OpenAPI document (./api-schema.ts, generated). The
 * document's paths start with /api, so the base URL is the origin itself; the session cookie
 * goes along.
 */
export const client = createClient<paths>({ credentials: "same-origin" });

/** What an openapi-fetch call resolves to: the data of a 2xx answer, or the error body. */
type Outcome = { data?: unknown; error?: unknown; response: Response };
/** The 2xx part of an outcome (openapi-fetch types it as the branch without an error). */
type Success<R extends Outcome> = Extract<R, { error?: never }>;

function succeeded<R extends Outcome>(outcome: R): outcome is Success<R> {
  return outcome.response.ok;
}

/** The API's error body, `{error:{code,message,field?}}`, when that is what came back. */
function errorBody(body: unknown): { code?: string; message?: string; field?: string } {
  if (typeof body !== "object" || body === null || !("error" in body)) return {};
  const { error } = body;
  if (typeof error !== "object" || error === null) return {};
  const text = (key: string) => {
    const value: unknown = key in error ? Reflect.get(error, key) : undefined;
    return typeof value === "string" ? value : undefined;
  };
  return { code: text("code"), message: text("message"), field: text("field") };
}

/**
 * The data of a call through `client`: an error answer becomes an ApiError (status, code, field),
 * a network failure an ApiError with code "offline". An aborted call stays an AbortError.
 */
export async function send<R extends Outcome>(call: Promise<R>): Promise<Success<R>["data"]> {
  let outcome: R;
  try {
    outcome = await call;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "offline", "AURA cannot be reached.");
  }
  if (succeeded(outcome)) return outcome.data;
  const { status } = outcome.response;
  const body = errorBody(outcome.error);
  throw new ApiError(status, body.code ?? "internal", body.message ?? `HTTP ${status}`, body.field);
}

// The API's shapes, by their names in the OpenAPI document (never written by hand here).
type Schemas = components["schemas"];
export type Job = Schemas["Job"];
export type Batch = Schemas["Batch"];
export type BatchJob = Batch["jobs"][number];
export type Rating = NonNullable<Schemas["Rating"]>;
export type RatingInput = Schemas["RatingInput"];
export type Preferences = Schemas["Preferences"];
export type ExperienceLevel = NonNullable<Preferences["experienceLevel"]>;
export type LocationMode = Preferences["locationModes"][number];
export type Cv = Schemas["Cv"];
export type SkillGap = Schemas["SkillGap"];
export type Metrics = Schemas["Metrics"];
export type AdminOverview = Schemas["AdminOverview"];
export type Application = Schemas["Application"];
export type ApplicationStatus = Application["status"];
export type DocumentKind = Application["generation"]["provenance"][number]["document"];
export type ApplicationList =
  paths["/api/applications"]["get"]["responses"][200]["content"]["application/json"];
export type ApplicationChange =
  paths["/api/applications/{id}"]["put"]["requestBody"]["content"]["application/json"];
export type SessionUser =
  paths["/api/auth/session"]["get"]["responses"][200]["content"]["application/json"]["user"];

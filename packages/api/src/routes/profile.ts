// The person's profile: preferences and CV.
import {
  AppError,
  cvViewSchema,
  defaultPreferences,
  extractCvText,
  getProfile,
  MAX_CV_BYTES,
  preferencesInputSchema,
  preferencesViewSchema,
  saveProfile,
  toCvView,
} from "@aura/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { ApiDeps } from "../app.ts";
import { createRouter, errorResponses, json, jsonBody, security } from "../openapi.ts";

const getPreferences = createRoute({
  method: "get",
  path: "/api/preferences",
  tags: ["profile"],
  summary: "Your preferences (defaults until you set them)",
  security,
  responses: { 200: json(preferencesViewSchema, "Preferences"), ...errorResponses(401) },
});

const putPreferences = createRoute({
  method: "put",
  path: "/api/preferences",
  tags: ["profile"],
  summary: "Replace your preferences (keys left out take their defaults)",
  security,
  request: { body: jsonBody(preferencesInputSchema) },
  responses: {
    200: json(preferencesViewSchema, "Saved preferences"),
    ...errorResponses(400, 401, 413, 429),
  },
});

const getCv = createRoute({
  method: "get",
  path: "/api/cv",
  tags: ["profile"],
  summary: "Your CV as text, cut into sections (empty until uploaded)",
  security,
  responses: { 200: json(cvViewSchema, "The CV"), ...errorResponses(401) },
});

const putCv = createRoute({
  method: "put",
  path: "/api/cv",
  tags: ["profile"],
  summary: "Upload your CV: a PDF, DOCX, TXT or MD file (multipart field `file`, 5 MB at most)",
  security,
  request: {
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: z.object({
            file: z
              .custom<File>((value) => value instanceof File, "attach the CV file")
              .openapi({ type: "string", format: "binary" }),
          }),
        },
      },
    },
  },
  responses: { 200: json(cvViewSchema, "The CV as read"), ...errorResponses(400, 401, 413, 429) },
});

/** The uploaded file of a multipart CV request, or an AppError naming `file`. */
async function uploadedFile(c: {
  req: { header(name: string): string | undefined; parseBody(): Promise<Record<string, unknown>> };
}): Promise<File> {
  const contentType = c.req.header("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    throw new AppError("invalid_input", "Send the CV as multipart/form-data with a `file` field.", {
      field: "file",
    });
  }
  let file: unknown;
  try {
    file = (await c.req.parseBody()).file;
  } catch (cause) {
    throw new AppError("invalid_input", "The upload could not be read as a form.", {
      field: "file",
      cause,
    });
  }
  if (!(file instanceof File)) {
    throw new AppError("invalid_input", "Attach the CV file in the `file` field.", {
      field: "file",
    });
  }
  if (file.size > MAX_CV_BYTES) {
    throw new AppError("too_large", "The CV file is larger than 5 MB.", { field: "file" });
  }
  return file;
}

export function profileRoutes(deps: ApiDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(getPreferences, async (c) => {
      const profile = await getProfile(db, c.get("userId"));
      return c.json(profile?.preferences ?? defaultPreferences, 200);
    })
    .openapi(putPreferences, async (c) => {
      const saved = await saveProfile(db, c.get("userId"), { preferences: c.req.valid("json") });
      return c.json(saved.preferences, 200);
    })
    .openapi(getCv, async (c) => c.json(toCvView(await getProfile(db, c.get("userId"))), 200))
    .openapi(putCv, async (c) => {
      const file = await uploadedFile(c);
      const extracted = await extractCvText({
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      const saved = await saveProfile(db, c.get("userId"), {
        cv: { text: extracted.text, fileName: file.name },
      });
      return c.json(toCvView(saved), 200);
    });
}

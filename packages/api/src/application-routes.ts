// Applications: tailored documents for liked jobs, their downloads, and the tracker's moves.
import {
  type AuraConfig,
  applicationUpdateSchema,
  type Database,
  DOCUMENT_FORMATS,
  DOCUMENT_KINDS,
  type DocumentFormat,
  type DocumentKind,
  declineApplications,
  deleteApplication,
  type Embedder,
  generateApplications,
  generateInputSchema,
  getApplication,
  listApplications,
  PAGE_SIZES,
  renderApplicationDocument,
  schema,
  TEMPLATES,
  updateApplication,
} from "@aura/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { type ApiEnv, json, jsonBody, security } from "./openapi.ts";
import { errorResponses, idParamSchema, jobSchema } from "./schemas.ts";

const flagSchema = z.object({
  document: z.enum(["cv", "letter"]),
  kind: z.enum(["employer", "title", "date", "degree", "number", "skill", "name"]),
  value: z.string().openapi({ description: "The unsupported fact as written" }),
  removed: z.string().openapi({ description: "The line or sentence left out because of it" }),
});

export const applicationSchema = z
  .object({
    id: z.number().int(),
    jobId: z.number().int(),
    batchId: z.number().int().nullable(),
    status: z.enum(schema.APPLICATION_STATUSES),
    job: jobSchema,
    cv: z.string().openapi({ description: "The tailored CV (Markdown)" }),
    letter: z.string().openapi({ description: "The cover letter (Markdown)" }),
    generation: z.object({
      writer: z.enum(["offline", "llm"]),
      language: z.string(),
      flags: z
        .array(flagSchema)
        .openapi({ description: "What the truthfulness guard left out, and why" }),
      provenance: z
        .array(
          z.object({
            document: z.enum(["cv", "letter"]),
            output: z.string(),
            source: z.string().openapi({ description: "The CV line it came from" }),
            rewritten: z.boolean(),
          }),
        )
        .openapi({ description: "Each chosen line beside the CV line it came from" }),
      ms: z.number(),
      generatedAt: z.string(),
      previous: z
        .object({ cv: z.string(), letter: z.string() })
        .nullable()
        .optional()
        .openapi({ description: "The documents the last generation replaced (for undo)" }),
    }),
    addedFacts: z.string(),
    notes: z.string(),
    appliedAt: z.string().nullable(),
    statusChangedAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    reminderDue: z.boolean(),
    remindAt: z.string().nullable(),
  })
  .openapi("Application");

const fileParamSchema = z.object({
  id: idParamSchema.shape.id,
  file: z
    .enum(DOCUMENT_KINDS.flatMap((kind) => DOCUMENT_FORMATS.map((format) => `${kind}.${format}`)))
    .openapi({ param: { name: "file", in: "path" }, example: "cv.pdf" }),
});

/** Registers the application routes; generation needs the encoder, opened on first use. */
export function registerApplicationRoutes(
  app: OpenAPIHono<ApiEnv>,
  deps: { db: Database; config: AuraConfig; embedder: () => Promise<Embedder> },
): void {
  const { db, config } = deps;
  const apply = config.apply;

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/applications/generate",
      tags: ["applications"],
      summary:
        "Write a tailored CV and cover letter for each job (default: your ≥4★ jobs of the newest batch)",
      security,
      request: { body: { ...jsonBody(generateInputSchema), required: false } },
      responses: {
        201: json(
          z.object({ applications: z.array(applicationSchema) }),
          "The applications, drafts until you confirm you applied",
        ),
        ...errorResponses(400, 401, 404, 409, 429),
      },
    }),
    async (c) => {
      const body = await c.req.json().catch(() => ({}));
      const made = await generateApplications(db, await deps.embedder(), c.get("userId"), body, {
        config: apply,
      });
      return c.json({ applications: made }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/applications",
      tags: ["applications"],
      summary: "Your applications, newest change first, with follow-up reminders",
      security,
      responses: {
        200: json(
          z.object({
            applications: z.array(applicationSchema),
            remindersDue: z.number().int(),
            reminderDays: z.number().int(),
          }),
          "Applications",
        ),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const list = await listApplications(db, c.get("userId"), apply);
      return c.json(
        {
          applications: list,
          remindersDue: list.filter((a) => a.reminderDue).length,
          reminderDays: apply.reminderDays,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/applications/{id}",
      tags: ["applications"],
      summary: "One of your applications",
      security,
      request: { params: idParamSchema },
      responses: {
        200: json(applicationSchema, "The application"),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) =>
      c.json(await getApplication(db, c.get("userId"), c.req.valid("param").id, apply), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/applications/{id}",
      tags: ["applications"],
      summary:
        "Change an application: status (each move is an outcome the learning loop reads), notes, dates, edited documents",
      security,
      request: { params: idParamSchema, body: jsonBody(applicationUpdateSchema) },
      responses: {
        200: json(applicationSchema, "The application as changed"),
        ...errorResponses(400, 401, 404, 429),
      },
    }),
    async (c) =>
      c.json(
        await updateApplication(
          db,
          c.get("userId"),
          c.req.valid("param").id,
          c.req.valid("json"),
          apply,
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/applications/{id}",
      tags: ["applications"],
      summary: "Delete an application's documents (outcomes already recorded stay)",
      security,
      request: { params: idParamSchema },
      responses: { 204: { description: "Deleted" }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      await deleteApplication(db, c.get("userId"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/applications/{id}/{file}",
      tags: ["applications"],
      summary: "Download a document: cv.pdf, cv.docx, cv.md, letter.pdf, letter.docx, letter.md",
      security,
      request: {
        params: fileParamSchema,
        query: z.object({
          template: z.enum(TEMPLATES as ["classic", "modern"]).optional(),
          pageSize: z.enum(PAGE_SIZES as ["a4", "letter"]).optional(),
          download: z.enum(["true", "false"]).optional(),
        }),
      },
      responses: {
        200: {
          description: "The document",
          content: {
            "application/pdf": { schema: z.string().openapi({ format: "binary" }) },
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
              schema: z.string().openapi({ format: "binary" }),
            },
            "text/markdown": { schema: z.string() },
          },
        },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { id, file } = c.req.valid("param");
      const query = c.req.valid("query");
      const [kind, format] = file.split(".") as [DocumentKind, DocumentFormat];
      const application = await getApplication(db, c.get("userId"), id, apply);
      const document = await renderApplicationDocument(application, kind, format, {
        template: query.template ?? apply.template,
        pageSize: query.pageSize ?? apply.pageSize,
      });
      const disposition = query.download === "false" ? "inline" : "attachment";
      return c.body(document.bytes as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": document.contentType,
        "Content-Disposition": `${disposition}; filename="${document.fileName.replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        "Cache-Control": "private, no-store",
      });
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/batches/{id}/no-applications",
      tags: ["batches"],
      summary: "Say you apply to none of a batch's jobs, so the next batch can open",
      security,
      request: { params: idParamSchema },
      responses: { 204: { description: "Noted" }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      await declineApplications(db, c.get("userId"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}

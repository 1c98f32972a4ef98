// Applications: tailored documents for liked jobs, their downloads, and the tracker's moves.
import {
  applicationSchema,
  applicationUpdateSchema,
  DOCUMENT_FORMATS,
  DOCUMENT_KINDS,
  type DocumentFormat,
  type DocumentKind,
  deleteApplication,
  generateApplications,
  generateInputSchema,
  getApplication,
  listApplications,
  PAGE_SIZES,
  renderApplicationDocument,
  TEMPLATES,
  updateApplication,
} from "@aura/core";
import { createRoute, z } from "@hono/zod-openapi";
import type { ApiDeps } from "../app.ts";
import {
  createRouter,
  errorResponses,
  idParamSchema,
  json,
  jsonBody,
  security,
} from "../openapi.ts";

const fileParamSchema = z.object({
  id: idParamSchema.shape.id,
  file: z
    .enum(DOCUMENT_KINDS.flatMap((kind) => DOCUMENT_FORMATS.map((format) => `${kind}.${format}`)))
    .openapi({ param: { name: "file", in: "path" }, example: "cv.pdf" }),
});

const generate = createRoute({
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
});

const list = createRoute({
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
});

const one = createRoute({
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
});

const update = createRoute({
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
});

const remove = createRoute({
  method: "delete",
  path: "/api/applications/{id}",
  tags: ["applications"],
  summary: "Delete an application's documents (outcomes already recorded stay)",
  security,
  request: { params: idParamSchema },
  responses: { 204: { description: "Deleted" }, ...errorResponses(400, 401, 404) },
});

const download = createRoute({
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
});

/** Generation needs the encoder, opened on first use. */
export function applicationRoutes(deps: ApiDeps) {
  const { db } = deps;
  const apply = deps.config.apply;
  return createRouter()
    .openapi(generate, async (c) => {
      // The body is optional: no body means the newest batch's liked jobs.
      const body = await c.req.json().catch(() => ({}));
      const made = await generateApplications(db, await deps.embedder(), c.get("userId"), body, {
        config: apply,
      });
      return c.json({ applications: made }, 201);
    })
    .openapi(list, async (c) => {
      const applications = await listApplications(db, c.get("userId"), apply);
      return c.json(
        {
          applications,
          remindersDue: applications.filter((a) => a.reminderDue).length,
          reminderDays: apply.reminderDays,
        },
        200,
      );
    })
    .openapi(one, async (c) =>
      c.json(await getApplication(db, c.get("userId"), c.req.valid("param").id, apply), 200),
    )
    .openapi(update, async (c) =>
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
    )
    .openapi(remove, async (c) => {
      await deleteApplication(db, c.get("userId"), c.req.valid("param").id);
      return c.body(null, 204);
    })
    .openapi(download, async (c) => {
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
    });
}

/** A readable API reference, rendered from the OpenAPI document itself (no CDN, no script). */
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: { type?: string } }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: { $ref?: string } }> }
  >;
  security?: unknown[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const refName = (schema?: { $ref?: string }) => schema?.$ref?.split("/").pop() ?? "";

export function referencePage(openapi: unknown): string {
  const document = openapi as {
    info: { title: string; description?: string };
    paths?: Record<string, Record<string, Operation>>;
  };
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? "other";
      const params = (op.parameters ?? [])
        .map((p) => `<code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ", required" : ""})`)
        .join(", ");
      const body = Object.entries(op.requestBody?.content ?? {})
        .map(
          ([type, c]) =>
            `${escapeHtml(type)}${refName(c.schema) ? ` <code>${escapeHtml(refName(c.schema))}</code>` : ""}`,
        )
        .join(", ");
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => {
          const schema = Object.values(r.content ?? {})[0]?.schema;
          return `<li><b>${status}</b> ${escapeHtml(r.description ?? "")}${refName(schema) ? ` <code>${escapeHtml(refName(schema))}</code>` : ""}</li>`;
        })
        .join("");
      const html = `<section class="op"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code>${op.security ? ' <span class="lock">sign-in</span>' : ""}</h3>
<p>${escapeHtml(op.summary ?? "")}</p>${params ? `<p>Parameters: ${params}</p>` : ""}${body ? `<p>Body: ${body}</p>` : ""}<ul>${responses}</ul></section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag]
    .map(([tag, ops]) => `<h2 id="${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.join("")}`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(document.info.title)} reference</title>
<style>
body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#0B0F19;color:#E6E8EE}
main{max-width:960px;margin:0 auto;padding:24px}
h1{margin-top:0}h2{border-bottom:1px solid #1A2235;padding-bottom:4px;text-transform:capitalize}
.op{background:#121826;border-radius:8px;padding:12px 16px;margin:12px 0}
.op h3{margin:0 0 4px;font-size:16px}.op p,.op ul{margin:4px 0;color:#AAB1C5}
code{font-family:ui-monospace,monospace;color:#E6E8EE}
.m{display:inline-block;min-width:56px;font-size:13px;padding:1px 6px;border-radius:4px;background:#1A2235;color:#5B8CFF}
.m.post{color:#3FD09E}.m.put{color:#F5B84B}.m.delete{color:#FF6B6B}
.lock{font-size:12px;color:#AAB1C5;border:1px solid #1A2235;border-radius:4px;padding:0 4px}
a{color:#5B8CFF}
</style></head><body><main><h1>${escapeHtml(document.info.title)}</h1><p>${escapeHtml(document.info.description ?? "")}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a></p>${sections}</main></body></html>`;
}

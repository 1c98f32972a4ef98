// A request id for every request (taken from X-Request-Id when it is sane, echoed back) and
// one access line per request: route, status, duration, user id. Never the e-mail, the body,
// the query or the cookies.
import { randomUUID } from "node:crypto";
import type { Logger } from "@aura/core";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "../openapi.ts";

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestLog(log: Logger) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const started = performance.now();
    const given = c.req.header("x-request-id");
    const requestId = given && SANE_ID.test(given) ? given : randomUUID();
    c.set("requestId", requestId);
    c.set("log", log.child({ reqId: requestId }));
    c.header("X-Request-Id", requestId);
    await next();
    const status = c.res.status;
    const line = {
      reqId: requestId,
      method: c.req.method,
      // The route's pattern (/api/jobs/:id), never the query: ids stay out of it, words too.
      route: c.req.routePath,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get("userId") ?? null,
    };
    if (status >= 500) log.error(line, "request");
    else log.info(line, "request");
  });
}

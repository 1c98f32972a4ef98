// Bodies are bounded before they are read: 64 KB of JSON, a CV file of 5 MB (plus the form).
import { MAX_CV_BYTES } from "@aura/core";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { tooLarge } from "../errors.ts";
import type { ApiEnv } from "../openapi.ts";

const JSON_BODY_LIMIT = 64 * 1024;
const CV_BODY_LIMIT = MAX_CV_BYTES + 64 * 1024;

const onError = () => {
  throw tooLarge();
};
const cvLimit = bodyLimit({ maxSize: CV_BODY_LIMIT, onError });
const jsonLimit = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError });

export const bodySize = createMiddleware<ApiEnv>((c, next) =>
  c.req.path === "/api/cv" ? cvLimit(c, next) : jsonLimit(c, next),
);

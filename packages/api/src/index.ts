export { type ApiDeps, type AuraApi, createApi } from "./app.ts";
export { type Auth, createAuth } from "./auth.ts";
export { apiDeps, authSecret, type ServeOptions, startServer } from "./serve.ts";

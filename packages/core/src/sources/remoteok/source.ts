import { z } from "zod";
import type { JobSource } from "../types.ts";
import { fetchRemoteOk } from "./client.ts";
import { transformRemoteOk } from "./transform.ts";

export const remoteOkSource: JobSource = {
  name: "remoteok",
  label: "Remote OK",
  homepage: "https://remoteok.com",
  terms:
    "Link back to the posting on Remote OK (followed, no nofollow) and name Remote OK as the source.",
  defaultBaseUrl: "https://remoteok.com",
  optionsSchema: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  fetch: fetchRemoteOk,
  transform: transformRemoteOk,
  recorded: { routes: [{ path: "/api", response: { file: "remoteok.json" } }], options: {} },
};

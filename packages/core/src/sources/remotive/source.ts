import type { JobSource } from "../types.ts";
import { fetchRemotive } from "./client.ts";
import { transformRemotive } from "./transform.ts";
import { type RemotiveOptions, remotiveOptions } from "./types.ts";

export const remotiveSource: JobSource<RemotiveOptions> = {
  name: "remotive",
  label: "Remotive",
  homepage: "https://remotive.com",
  terms:
    "Link back to the posting's URL on Remotive and name Remotive as the source. The API is " +
    "for sharing Remotive's jobs further: do not submit them to third-party job sites " +
    "(Jooble, Neuvoo, Google Jobs, LinkedIn Jobs, ...), do not gate them behind sign-ups, " +
    "and fetch at most a few times a day (Remotive advises 4 at most).",
  defaultBaseUrl: "https://remotive.com",
  optionsSchema: remotiveOptions,
  fetch: fetchRemotive,
  transform: transformRemotive,
  recorded: {
    routes: [{ path: "/api/remote-jobs", response: { file: "remotive.json" } }],
    options: {},
  },
};

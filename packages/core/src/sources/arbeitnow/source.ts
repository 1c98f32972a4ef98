import type { JobSource } from "../types.ts";
import { fetchArbeitnow } from "./client.ts";
import { transformArbeitnow } from "./transform.ts";
import { type ArbeitnowOptions, arbeitnowOptions } from "./types.ts";

export const arbeitnowSource: JobSource<ArbeitnowOptions> = {
  name: "arbeitnow",
  label: "Arbeitnow",
  homepage: "https://www.arbeitnow.com",
  terms:
    "A free public API, not to be abused: link back to the posting on Arbeitnow and name " +
    "Arbeitnow as the source; use is under the terms of service of arbeitnow.com.",
  defaultBaseUrl: "https://www.arbeitnow.com",
  optionsSchema: arbeitnowOptions,
  fetch: fetchArbeitnow,
  transform: transformArbeitnow,
  recorded: {
    routes: [
      {
        path: "/api/job-board-api",
        query: { page: "1" },
        response: { file: "arbeitnow-page1.json" },
      },
      {
        path: "/api/job-board-api",
        query: { page: "2" },
        response: { file: "arbeitnow-page2-empty.json" },
      },
    ],
    options: { maxPages: 5 },
  },
};

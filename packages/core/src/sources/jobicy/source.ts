import type { JobSource } from "../types.ts";
import { fetchJobicy } from "./client.ts";
import { transformJobicy } from "./transform.ts";
import { type JobicyOptions, jobicyOptions } from "./types.ts";

export const jobicySource: JobSource<JobicyOptions> = {
  name: "jobicy",
  label: "Jobicy",
  homepage: "https://jobicy.com",
  terms:
    "Link back to the posting's URL on Jobicy and name Jobicy as the source; do not modify " +
    "or misrepresent the listings, do not redistribute them to job aggregators (Google " +
    "Jobs, LinkedIn, Jooble, ...), and poll at most once an hour.",
  defaultBaseUrl: "https://jobicy.com",
  optionsSchema: jobicyOptions,
  fetch: fetchJobicy,
  transform: transformJobicy,
  recorded: {
    routes: [{ path: "/api/v2/remote-jobs", response: { file: "jobicy.json" } }],
    options: { count: 50 },
  },
};

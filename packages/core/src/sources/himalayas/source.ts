import type { JobSource } from "../types.ts";
import { fetchHimalayas } from "./client.ts";
import { transformHimalayas } from "./transform.ts";
import { type HimalayasOptions, himalayasOptions } from "./types.ts";

export const himalayasSource: JobSource<HimalayasOptions> = {
  name: "himalayas",
  label: "Himalayas",
  homepage: "https://himalayas.app",
  terms:
    "Link back to the posting on Himalayas and name Himalayas as the source; keep to a " +
    "polite request rate.",
  defaultBaseUrl: "https://himalayas.app",
  optionsSchema: himalayasOptions,
  fetch: fetchHimalayas,
  transform: transformHimalayas,
  recorded: {
    // One recorded page of 500 real postings; its limit and totalCount end the paging.
    routes: [
      { path: "/jobs/api", query: { offset: "0" }, response: { file: "himalayas-corpus.json" } },
    ],
    options: { pageSize: 20, maxPages: 10 },
  },
};

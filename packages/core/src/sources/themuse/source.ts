import type { JobSource } from "../types.ts";
import { fetchTheMuse } from "./client.ts";
import { transformTheMuse } from "./transform.ts";
import { type TheMuseOptions, theMuseOptions } from "./types.ts";

export const theMuseSource: JobSource<TheMuseOptions> = {
  name: "themuse",
  label: "The Muse",
  homepage: "https://www.themuse.com",
  terms:
    "Link back to the posting on The Muse and name The Muse as the source; keep within its " +
    "public API's rate limit (500 requests an hour without a key).",
  defaultBaseUrl: "https://www.themuse.com",
  optionsSchema: theMuseOptions,
  fetch: fetchTheMuse,
  transform: transformTheMuse,
  recorded: {
    routes: [
      { path: "/api/public/jobs", query: { page: "0" }, response: { file: "themuse-page0.json" } },
    ],
    options: { maxPages: 5, category: [], level: [], location: [] },
  },
};

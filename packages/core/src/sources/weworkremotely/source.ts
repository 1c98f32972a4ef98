import type { JobSource } from "../types.ts";
import { fetchWeWorkRemotely } from "./client.ts";
import { transformWeWorkRemotely } from "./transform.ts";
import { type WeWorkRemotelyOptions, weWorkRemotelyOptions } from "./types.ts";

export const weWorkRemotelySource: JobSource<WeWorkRemotelyOptions> = {
  name: "weworkremotely",
  label: "We Work Remotely",
  homepage: "https://weworkremotely.com",
  terms:
    "Link back to the posting on We Work Remotely and name We Work Remotely as the source; " +
    "read its RSS feeds at a polite pace.",
  defaultBaseUrl: "https://weworkremotely.com",
  optionsSchema: weWorkRemotelyOptions,
  fetch: fetchWeWorkRemotely,
  transform: transformWeWorkRemotely,
  recorded: {
    routes: [{ path: "/remote-jobs.rss", response: { file: "weworkremotely.rss" } }],
    options: { categories: [] },
  },
};

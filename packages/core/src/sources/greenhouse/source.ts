import { z } from "zod";
import { boardNames } from "../each-board.ts";
import type { JobSource } from "../types.ts";
import { fetchGreenhouse } from "./client.ts";
import { transformGreenhouse } from "./transform.ts";
import type { GreenhouseOptions } from "./types.ts";

export const greenhouseSource: JobSource<GreenhouseOptions> = {
  name: "greenhouse",
  label: "Greenhouse",
  homepage: "https://www.greenhouse.com",
  terms:
    "Postings are published by the employer through its applicant-tracking system's public job-board API (Greenhouse). Link to the original posting.",
  defaultBaseUrl: "https://boards-api.greenhouse.io",
  optionsSchema: z.object({ boards: boardNames }).strict(),
  fetch: fetchGreenhouse,
  transform: transformGreenhouse,
  recorded: {
    routes: [
      {
        path: "/v1/boards/gitlab/jobs",
        query: { content: "true" },
        response: { file: "greenhouse-gitlab.json" },
      },
      {
        path: "/v1/boards/stripe/jobs",
        query: { content: "true" },
        response: { file: "greenhouse-stripe.json" },
      },
    ],
    options: { boards: ["gitlab", "stripe"] },
  },
};

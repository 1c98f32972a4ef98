import { z } from "zod";
import { boardNames } from "../each-board.ts";
import type { JobSource } from "../types.ts";
import { fetchLever } from "./client.ts";
import { transformLever } from "./transform.ts";
import type { LeverOptions } from "./types.ts";

export const leverSource: JobSource<LeverOptions> = {
  name: "lever",
  label: "Lever",
  homepage: "https://www.lever.co",
  terms:
    "Postings are published by the employer through its applicant-tracking system's public job-board API (Lever). Link to the original posting.",
  defaultBaseUrl: "https://api.lever.co",
  optionsSchema: z
    .object({
      sites: boardNames,
      companyNames: z.record(z.string(), z.string().trim().min(1)).optional(),
    })
    .strict(),
  fetch: fetchLever,
  transform: transformLever,
  recorded: {
    routes: [
      {
        path: "/v0/postings/palantir",
        query: { mode: "json" },
        response: { file: "lever-palantir.json" },
      },
    ],
    options: { sites: ["palantir"] },
  },
};

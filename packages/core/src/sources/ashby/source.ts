import { z } from "zod";
import { boardNames } from "../each-board.ts";
import type { JobSource } from "../types.ts";
import { fetchAshby } from "./client.ts";
import { transformAshby } from "./transform.ts";
import type { AshbyOptions } from "./types.ts";

export const ashbySource: JobSource<AshbyOptions> = {
  name: "ashby",
  label: "Ashby",
  homepage: "https://www.ashbyhq.com",
  terms:
    "Postings are published by the employer through its applicant-tracking system's public job-board API (Ashby). Link to the original posting.",
  defaultBaseUrl: "https://api.ashbyhq.com",
  optionsSchema: z
    .object({
      boards: boardNames,
      companyNames: z.record(z.string(), z.string().trim().min(1)).optional(),
    })
    .strict(),
  fetch: fetchAshby,
  transform: transformAshby,
  recorded: {
    routes: [
      {
        path: "/posting-api/job-board/notion",
        query: { includeCompensation: "true" },
        response: { file: "ashby-notion.json" },
      },
      {
        path: "/posting-api/job-board/openai",
        query: { includeCompensation: "true" },
        response: { file: "ashby-openai.json" },
      },
    ],
    options: { boards: ["notion", "openai"] },
  },
};

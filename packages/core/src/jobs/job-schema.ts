// A job as AURA shows it to people and machines (the API's `Job`, `aura jobs --json`).
import { z } from "../shared/contract-zod.ts";
import { remoteModes } from "./job.ts";

export const sourceLinkViewSchema = z.object({
  name: z.string().meta({ description: "The board's id in AURA, e.g. remotive" }),
  label: z.string().meta({ description: "The board's name, to credit it" }),
  url: z.string().meta({ description: "The posting on that board" }),
});

export const jobViewSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    company: z.string(),
    url: z.string(),
    sources: z.array(sourceLinkViewSchema),
    location: z.string().nullable(),
    country: z.string().nullable(),
    remote: z.enum(remoteModes),
    salaryMin: z.number().nullable(),
    salaryMax: z.number().nullable(),
    currency: z.string().nullable(),
    salaryPeriod: z.string().nullable(),
    salaryMinAnnual: z.number().nullable(),
    salaryMaxAnnual: z.number().nullable(),
    seniority: z.string().nullable(),
    employmentType: z.string().nullable(),
    tags: z.array(z.string()),
    skills: z
      .array(z.string())
      .meta({ description: "Skills the posting asks for, by AURA's vocabulary" }),
    postedAt: z.string().nullable(),
    firstSeenAt: z.string(),
    expiredAt: z.string().nullable(),
    description: z.string().optional().meta({ description: "Only on GET /jobs/{id}" }),
  })
  .meta({ id: "Job" });
export type JobView = z.infer<typeof jobViewSchema>;

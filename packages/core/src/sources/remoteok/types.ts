import { z } from "zod";
import { idText, optionalNumber, optionalText, requiredText, textList } from "../parse-raw.ts";

/** One job of Remote OK's `GET /api` (element 0 of the array is the legal notice). */
export const remoteOkJob = z.object({
  id: idText,
  slug: optionalText,
  position: requiredText,
  company: requiredText,
  url: optionalText,
  apply_url: optionalText,
  description: optionalText,
  location: optionalText,
  tags: textList,
  salary_min: optionalNumber,
  salary_max: optionalNumber,
  epoch: optionalNumber,
  date: optionalText,
});
export type RemoteOkJob = z.infer<typeof remoteOkJob>;

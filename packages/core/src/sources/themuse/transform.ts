import { transformWith } from "../parse-raw.ts";
import { theMuseJob, theMuseUrl } from "./types.ts";

/** The Muse's location for jobs that can be done from anywhere. */
const REMOTE_LOCATION = /^flexible\s*\/\s*remote$/i;

export const transformTheMuse = transformWith(theMuseJob, (job) => {
  const url = theMuseUrl(job) as string;
  return {
    externalId: job.id ?? url,
    url,
    title: job.name,
    company: job.company.name,
    description: job.contents,
    // Place names hold commas ("Austin, TX"), so places are joined with "; ".
    location: job.locations.length ? job.locations.join("; ") : null,
    remote: job.locations.some((place) => REMOTE_LOCATION.test(place)) ? "remote" : null,
    postedAt: job.publication_date,
    seniority: job.levels.length ? job.levels.join(", ") : null,
    tags: job.categories,
  };
});

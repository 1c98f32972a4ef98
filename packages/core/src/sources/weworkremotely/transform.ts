import { transformWith } from "../parse-raw.ts";
import { weWorkRemotelyItem, weWorkRemotelyUrl } from "./types.ts";

export const transformWeWorkRemotely = transformWith(weWorkRemotelyItem, (item) => {
  const url = weWorkRemotelyUrl(item) as string;
  const skills = item.skills?.split(",").map((skill) => skill.trim()) ?? [];
  return {
    externalId: item.guid ?? url,
    url,
    title: item.title.role,
    company: item.title.company,
    description: item.description,
    location: item.region ?? item.country,
    // We Work Remotely lists remote jobs only.
    remote: "remote",
    country: item.country,
    postedAt: item.pubDate,
    employmentType: item.type,
    tags: [...new Set([item.category ?? "", ...skills].filter(Boolean))],
  };
});

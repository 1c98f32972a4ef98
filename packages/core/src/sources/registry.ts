import { arbeitnowSource } from "./arbeitnow/source.ts";
import { ashbySource } from "./ashby/source.ts";
import { greenhouseSource } from "./greenhouse/source.ts";
import { hackerNewsSource } from "./hackernews/source.ts";
import { himalayasSource } from "./himalayas/source.ts";
import { jobicySource } from "./jobicy/source.ts";
import { leverSource } from "./lever/source.ts";
import { remoteOkSource } from "./remoteok/source.ts";
import { remotiveSource } from "./remotive/source.ts";
import { theMuseSource } from "./themuse/source.ts";
import type { AnyJobSource } from "./types.ts";
import { weWorkRemotelySource } from "./weworkremotely/source.ts";

/** Every job board AURA can read, by the name config and the CLI use. */
export const sourceRegistry: Readonly<Record<string, AnyJobSource>> = Object.fromEntries(
  [
    remoteOkSource,
    remotiveSource,
    arbeitnowSource,
    himalayasSource,
    jobicySource,
    theMuseSource,
    weWorkRemotelySource,
    greenhouseSource,
    leverSource,
    ashbySource,
    hackerNewsSource,
  ].map((source) => [source.name, source as AnyJobSource]),
);

/** The board's public name for a source name ("via Remote OK"); imports keep their own name. */
export function sourceLabel(name: string): string {
  return sourceRegistry[name]?.label ?? name;
}

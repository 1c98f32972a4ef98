import type { AuraConfig } from "../config/config.ts";
import { parseOrThrow } from "../config/config.ts";
import { AppError } from "../errors.ts";
import { sourceRegistry } from "../sources/registry.ts";
import { type ReplayRoute, startReplayServer } from "../sources/replay-server.ts";
import type { SourcePlan } from "./ingest.ts";

/**
 * The sources a run reads: the ones named (any registered source), or every source
 * config leaves enabled. Each source's options are validated; an error names the key.
 */
export function planSources(
  config: AuraConfig,
  names?: readonly string[],
  { offline = false }: { offline?: boolean } = {},
): SourcePlan[] {
  const chosen = names?.length ? [...new Set(names)] : Object.keys(sourceRegistry);
  const plans: SourcePlan[] = [];
  for (const name of chosen) {
    const source = sourceRegistry[name];
    if (!source) {
      throw new AppError(
        "invalid_input",
        `Unknown source "${name}". Known sources: ${Object.keys(sourceRegistry).join(", ")}`,
        { field: "source" },
      );
    }
    const settings = config.sources[name] ?? true;
    if (settings === false || (typeof settings === "object" && !settings.enabled)) {
      if (names?.length) {
        throw new AppError("invalid_input", `Source "${name}" is turned off in the config file`, {
          field: `sources.${name}`,
        });
      }
      continue;
    }
    const {
      enabled: _enabled,
      baseUrl,
      ...rawOptions
    } = typeof settings === "object" ? settings : { enabled: true, baseUrl: undefined };
    const configured = typeof settings === "object" || Boolean(names?.length);
    const parsed = source.optionsSchema.safeParse(rawOptions);
    // Boards that need tokens (Greenhouse, Lever, Ashby) are read once config names them;
    // offline they replay the recorded boards.
    if (!parsed.success && !configured && !offline) continue;
    const options = offline
      ? source.recorded.options
      : parseOrThrow(source.optionsSchema, rawOptions, "config", ["sources", name]);
    plans.push({ source, options, baseUrl: (baseUrl ?? source.defaultBaseUrl).replace(/\/$/, "") });
  }
  return plans;
}

/**
 * Serves each planned source's recorded real responses on 127.0.0.1 and points the
 * plans at them, so offline runs go through the same HTTP clients as live ones.
 * Recorded options replace configured ones (the recordings are of those boards).
 */
export async function replayRecorded(plans: readonly SourcePlan[]) {
  const routes: ReplayRoute[] = plans.flatMap((plan) =>
    plan.source.recorded.routes.map((route) => ({
      ...route,
      path: `/${plan.source.name}${route.path}`,
    })),
  );
  const server = await startReplayServer(routes);
  return {
    plans: plans.map((plan) => ({
      source: plan.source,
      options: plan.source.recorded.options as unknown,
      baseUrl: `${server.url}/${plan.source.name}`,
    })),
    close: () => server.close(),
  };
}

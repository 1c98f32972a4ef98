import type { OutcomeStage } from "../db/schema.ts";

/** An `array_agg` of outcome stages as the driver returns it (an array, or PGlite's literal). */
export function parseStages(value: string[] | string | null): OutcomeStage[] {
  if (value === null) return [];
  const list = Array.isArray(value) ? value : value.replace(/^\{|\}$/g, "").split(",");
  return list.filter(Boolean) as OutcomeStage[];
}

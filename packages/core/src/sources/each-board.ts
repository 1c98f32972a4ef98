import { z } from "zod";
import { AppError, errorMessage } from "../errors.ts";

/**
 * A list of board names (Greenhouse board tokens, Lever sites, Ashby job-board names)
 * as they appear in board URLs: at least one, each a URL-safe word; duplicates dropped.
 */
export const boardNames = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "use the name as it appears in the board's URL"),
  )
  .min(1, "name at least one board")
  .transform((names) => [...new Set(names)]);

/**
 * Runs one request per board of an applicant-tracking system and yields each board's
 * raw items as one page. A failing board does not stop the others: what worked is
 * yielded first, then one error names every board that failed, so the run counts it.
 * Shared by the Greenhouse, Lever and Ashby clients.
 */
export async function* fetchEachBoard(
  label: string,
  boards: readonly string[],
  fetchBoard: (board: string) => Promise<unknown[]>,
): AsyncGenerator<unknown[]> {
  const failed: string[] = [];
  for (const board of boards) {
    let items: unknown[];
    try {
      items = await fetchBoard(board);
    } catch (error) {
      failed.push(`"${board}" (${errorMessage(error)})`);
      continue;
    }
    yield items;
  }
  if (failed.length > 0) {
    const of = `${failed.length} of ${boards.length} ${boards.length === 1 ? "board" : "boards"}`;
    throw new AppError("upstream", `${label}: ${of} failed: ${failed.join("; ")}`);
  }
}

/** Adds the board name to each object item (under `key`), as the raw items lack it. */
export function tagItems(items: unknown[], key: string, board: string): unknown[] {
  return items.map((item) =>
    item && typeof item === "object" && !Array.isArray(item) ? { ...item, [key]: board } : item,
  );
}

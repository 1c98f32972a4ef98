import { and, desc, eq, getTableColumns, inArray, max, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { learnedModels } from "../db/schema.ts";

export type ModelKind = (typeof learnedModels.$inferSelect)["kind"];
export const MODEL_KINDS: readonly ModelKind[] = learnedModels.kind.enumValues;

export interface StoredModel<P = unknown> {
  kind: ModelKind;
  version: number;
  ratings: number;
  trainingMs: number;
  metrics: Record<string, unknown>;
  params: P;
  trainedAt: string;
}

/** Stores a new version of a user's model (the next number; a race retries once). */
export async function saveModel(
  db: Database,
  userId: string,
  model: { kind: ModelKind; ratings: number; trainingMs: number; metrics: object; params: unknown },
): Promise<StoredModel> {
  for (let attempt = 0; ; attempt++) {
    const [current] = await db
      .select({ version: max(learnedModels.version) })
      .from(learnedModels)
      .where(and(eq(learnedModels.userId, userId), eq(learnedModels.kind, model.kind)));
    try {
      const [row] = await db
        .insert(learnedModels)
        .values({
          userId,
          kind: model.kind,
          version: (current?.version ?? 0) + 1,
          ratings: model.ratings,
          trainingMs: Math.round(model.trainingMs),
          metrics: model.metrics,
          params: model.params,
        })
        .returning();
      if (!row) throw new Error("the model was not stored");
      return toStored(row);
    } catch (error) {
      if (attempt >= 1) throw error;
    }
  }
}

function toStored(row: typeof learnedModels.$inferSelect): StoredModel {
  return {
    kind: row.kind,
    version: row.version,
    ratings: row.ratings,
    trainingMs: row.trainingMs,
    metrics: row.metrics as Record<string, unknown>,
    params: row.params,
    trainedAt: row.trainedAt.toISOString(),
  };
}

/** The newest version of a user's model of this kind, or null. */
export async function latestModel<P = unknown>(
  db: Database,
  userId: string,
  kind: ModelKind,
): Promise<StoredModel<P> | null> {
  const [row] = await db
    .select()
    .from(learnedModels)
    .where(and(eq(learnedModels.userId, userId), eq(learnedModels.kind, kind)))
    .orderBy(desc(learnedModels.version))
    .limit(1);
  return row ? (toStored(row) as StoredModel<P>) : null;
}

/**
 * The newest version of each of a user's models of these kinds, read in one query: by kind,
 * absent where none is stored. Without `params` the parameters (an LSTM's weights are large)
 * are not read and come back null: enough to see what a model was trained on.
 */
export async function latestModels(
  db: Database,
  userId: string,
  kinds: readonly ModelKind[],
  options: { params?: boolean } = {},
): Promise<Map<ModelKind, StoredModel>> {
  if (kinds.length === 0) return new Map();
  const { params, ...columns } = getTableColumns(learnedModels);
  const rows = await db
    .selectDistinctOn([learnedModels.kind], {
      ...columns,
      params: options.params === false ? sql<unknown>`NULL` : params,
    })
    .from(learnedModels)
    .where(and(eq(learnedModels.userId, userId), inArray(learnedModels.kind, [...kinds])))
    .orderBy(learnedModels.kind, desc(learnedModels.version));
  return new Map(rows.map((row) => [row.kind, toStored(row)]));
}

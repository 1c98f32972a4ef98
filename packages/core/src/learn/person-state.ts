import type { RankConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { getProfile, type Profile } from "../profile/profile-store.ts";
import { type PendingApplications, pendingApplications } from "../track/pending-applications.ts";
import type { SavedDqn } from "./dqn.ts";
import type { SavedAdapter } from "./embedding-adapter.ts";
import { type RatingEvent, ratedJobs, ratingEvents } from "./history.ts";
import { latestModels, type ModelKind, type StoredModel } from "./model-store.ts";
import { MIN_RATINGS_TO_LEARN } from "./policy.ts";
import type { SavedPreferenceModel } from "./preference-lstm.ts";
import type { RatedJob } from "./taste.ts";

/** The newest stored version of each model a batch may be chosen with, or null. */
export interface PersonModels {
  adapter: StoredModel<SavedAdapter> | null;
  preference: StoredModel<SavedPreferenceModel> | null;
  dqn: StoredModel<SavedDqn> | null;
}

/**
 * What choosing one person's next batch knows of them, read once: the profile (with its cached
 * ranking vector), whether a liked job of their last batch still waits for an answer, what they
 * rated and what came of it, and the models trained on that. The choice itself is made from
 * this and the candidates, in memory.
 */
export interface PersonState {
  profile: Profile;
  /** Why a new batch must wait (see `pendingApplications`), or null. */
  pendingApplications: PendingApplications | null;
  /** Every job they have rated: none is shown again. */
  ratedJobIds: ReadonlySet<number>;
  /** Their ratings, oldest first, each with its outcome stages and batch score. */
  events: RatingEvent[];
  /** The rated jobs as the policies learn from them (none under the ranker policy). */
  rated: RatedJob[];
  /** None until they have rated enough for the policy to learn. */
  models: PersonModels;
}

/** The person's state as `config`'s batch policy reads it, or null when they have no profile. */
export async function loadPersonState(
  db: Database,
  userId: string,
  options: { model: { modelId: string; dimension: number }; config: RankConfig },
): Promise<PersonState | null> {
  const { config } = options;
  const profile = await getProfile(db, userId);
  if (!profile) return null;
  const pending = await pendingApplications(db, userId);
  // The ranker learns nothing: of the ratings it needs only which jobs they were.
  const learning = config.policy !== "ranker";
  const { events, rated } = learning
    ? await ratedJobs(db, userId, options.model, config.weights)
    : { events: await ratingEvents(db, userId), rated: [] };
  const kinds: ModelKind[] = [];
  if (learning && rated.length >= MIN_RATINGS_TO_LEARN) {
    kinds.push("embedding-adapter", "preference-lstm");
    if (config.policy === "dqn") kinds.push("batch-dqn");
  }
  const models = await latestModels(db, userId, kinds);
  const stored = <P>(kind: ModelKind) => (models.get(kind) as StoredModel<P> | undefined) ?? null;
  return {
    profile,
    pendingApplications: pending,
    ratedJobIds: new Set(events.map((event) => event.jobId)),
    events,
    rated,
    models: {
      adapter: stored<SavedAdapter>("embedding-adapter"),
      preference: stored<SavedPreferenceModel>("preference-lstm"),
      dqn: stored<SavedDqn>("batch-dqn"),
    },
  };
}

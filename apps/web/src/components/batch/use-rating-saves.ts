"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { client, type Rating, type RatingInput, send } from "@/lib/api";

/** A rating as a card hands it on: every part of it, the job aside. */
export type RatingChange = Required<Omit<RatingInput, "jobId">>;

/**
 * When a change is saved: "now" (a click on a star, Space, Enter, a comment left), or "settled"
 * once no further change came for a moment (arrow keys on the stars, a slider being moved).
 */
export type SaveWhen = "now" | "settled";

/** How long changes must stop before a "settled" change is saved. */
export const SETTLE_MS = 600;

const PARTS = ["stars", "fit", "interest", "prestige", "location", "comment"] as const;

function same(a: RatingChange, b: RatingChange | Rating | null): boolean {
  return b !== null && PARTS.every((part) => a[part] === b[part]);
}

function partsOf(rating: Rating): RatingChange {
  const { stars, fit, interest, prestige, location, comment } = rating;
  return { stars, fit, interest, prestige, location, comment };
}

/**
 * The changes to one job's rating from the first one until what is shown is stored: saved one
 * at a time, so the last change is the one the server keeps, and told once.
 */
interface Round {
  /** The rating the job had when the round began (undo goes back to it). */
  before: Rating | null;
  /** What the server holds now, as far as this round knows. */
  stored: RatingChange | null;
  /** The newest change (already on screen). */
  latest: RatingChange;
  /** `latest` is not sent yet. */
  dirty: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  inFlight: boolean;
  /** Undone meanwhile: its answers change nothing on screen. */
  cancelled: boolean;
  /** The newest rating the server answered with in this round. */
  saved: Rating | null;
  done: Promise<void>;
  finish: () => void;
}

export interface RatingSaverOptions {
  ratingOf: (jobId: number) => Rating | null;
  /** Shows a job's rating (null: none). */
  show: (jobId: number, rating: Rating | null) => void;
  /** A round of changes is stored: `before` is the rating it replaced (null: none). */
  onSaved: (saved: Rating, before: Rating | null) => void;
  /** The last change could not be saved; the job shows what is stored again. */
  onFailed: (cause: unknown) => void;
}

export interface RatingSaver {
  /** Shows `change` at once and saves it now or once changes settle. */
  rate: (jobId: number, change: RatingChange, when: SaveWhen) => void;
  /** Saves the job's waiting change now (focus left the stars, Enter, a slider let go). */
  flush: (jobId: number) => void;
  /** Saves every waiting change and resolves once all are stored (or failed). */
  settle: () => Promise<void>;
  /** Drops the job's waiting changes (an undo replaces them). */
  cancel: (jobId: number) => void;
}

function createRatingSaver(
  save: (input: RatingInput) => Promise<Rating | null | undefined>,
  options: () => RatingSaverOptions,
): RatingSaver {
  const rounds = new Map<number, Round>();

  const finish = (jobId: number, round: Round) => {
    if (rounds.get(jobId) === round) rounds.delete(jobId);
    round.finish();
  };

  const push = async (jobId: number, round: Round): Promise<void> => {
    if (round.timer) {
      clearTimeout(round.timer);
      round.timer = null;
    }
    if (round.inFlight || !round.dirty || round.cancelled) return;
    round.dirty = false;
    const input = round.latest;
    if (same(input, round.stored)) {
      // Back where the server is: nothing to send.
      options().show(jobId, round.saved ?? round.before);
      finish(jobId, round);
      if (round.saved) options().onSaved(round.saved, round.before);
      return;
    }
    round.inFlight = true;
    let saved: Rating | null = null;
    let failure: { cause: unknown } | null = null;
    try {
      // (The document allows a null answer; the API always answers with the rating stored.)
      saved = (await save({ jobId, ...input })) ?? null;
    } catch (cause) {
      failure = { cause };
    }
    round.inFlight = false;
    if (!failure) {
      round.stored = input;
      round.saved = saved;
    }
    if (round.cancelled) {
      finish(jobId, round);
      return;
    }
    if (round.dirty) {
      // A newer change came meanwhile: it goes next (now, unless it still waits to settle).
      if (!round.timer) void push(jobId, round);
      return;
    }
    // Settled: what is shown becomes what is stored.
    options().show(jobId, round.saved ?? round.before);
    finish(jobId, round);
    if (failure) options().onFailed(failure.cause);
    else if (round.saved) options().onSaved(round.saved, round.before);
  };

  return {
    rate(jobId, change, when) {
      const { ratingOf, show } = options();
      const shown = ratingOf(jobId);
      let round = rounds.get(jobId);
      if (!round) {
        let finishRound = () => {};
        const done = new Promise<void>((resolve) => {
          finishRound = resolve;
        });
        round = {
          before: shown,
          stored: shown ? partsOf(shown) : null,
          latest: change,
          dirty: false,
          timer: null,
          inFlight: false,
          cancelled: false,
          saved: null,
          done,
          finish: finishRound,
        };
        rounds.set(jobId, round);
      }
      round.latest = change;
      round.dirty = true;
      const now = new Date().toISOString();
      show(jobId, { jobId, ...change, createdAt: shown?.createdAt ?? now, updatedAt: now });
      if (round.timer) clearTimeout(round.timer);
      round.timer = null;
      const waiting = round;
      if (when === "now") void push(jobId, waiting);
      else waiting.timer = setTimeout(() => void push(jobId, waiting), SETTLE_MS);
    },
    flush(jobId) {
      const round = rounds.get(jobId);
      if (round) void push(jobId, round);
    },
    async settle() {
      for (const [jobId, round] of rounds) void push(jobId, round);
      await Promise.all([...rounds.values()].map((round) => round.done));
    },
    cancel(jobId) {
      const round = rounds.get(jobId);
      if (!round) return;
      if (round.timer) clearTimeout(round.timer);
      round.timer = null;
      round.cancelled = true;
      round.dirty = false;
      rounds.delete(jobId);
      if (!round.inFlight) round.finish();
    },
  };
}

/**
 * Saves ratings as a person settles on them: a click saves at once, arrow keys and sliders once
 * they stop for a moment; one save at a time per job, so the last value moved to is the one
 * stored, and one `onSaved` for it. Changes still waiting are saved when the page is left.
 */
export function useRatingSaves(options: RatingSaverOptions): RatingSaver {
  const current = useRef(options);
  useEffect(() => {
    current.current = options;
  });
  const { mutateAsync } = useMutation({
    mutationFn: (input: RatingInput) => send(client.POST("/api/ratings", { body: input })),
  });
  const [saver] = useState(() => createRatingSaver(mutateAsync, () => current.current));
  useEffect(
    () => () => {
      void saver.settle();
    },
    [saver],
  );
  return saver;
}

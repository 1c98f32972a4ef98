"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useReducer } from "react";
import { useToast } from "@/components/toast";
import { client, type Preferences, send } from "@/lib/api";
import { preferencesQuery } from "@/lib/queries";
import { useErrorText } from "@/lib/use-error-text";

/**
 * The signed-in person's preferences, and `save(change)`: shown at once, stored by
 * PUT /api/preferences. PUT replaces the whole set, so each save sends every answer so far;
 * saves in a row go in order (one mutation scope). Each save is confirmed, or its failure told,
 * in a toast.
 */
export function usePreferences() {
  const tc = useTranslations("common");
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { data, error } = useQuery(preferencesQuery);
  // A query's subscribers hear of a change on the next task: a slider must show its new value in
  // the same event's render, or React puts the input back to its old value and a second arrow
  // key pressed quickly starts from there (5 → 4 → 4). So the page renders from the cache at once.
  const [, renderNow] = useReducer((n: number) => n + 1, 0);
  const { mutate } = useMutation({
    scope: { id: "preferences" },
    mutationFn: (body: Preferences) => send(client.PUT("/api/preferences", { body })),
    onSuccess: () => toast({ message: tc("saved") }),
    onError: (cause) => toast({ message: tc("error", { message: errorText(cause) }) }),
  });

  const save = useCallback(
    (change: Partial<Preferences>) => {
      const latest = queryClient.getQueryData(preferencesQuery.queryKey);
      if (!latest) return;
      // An unset answer (no city) is an absent key: JSON leaves undefined out.
      const next = { ...latest, ...change };
      // A load still under way would bring back the answers before this one.
      void queryClient.cancelQueries({ queryKey: preferencesQuery.queryKey });
      queryClient.setQueryData(preferencesQuery.queryKey, next);
      renderNow();
      mutate(next);
    },
    [queryClient, mutate],
  );

  const prefs = queryClient.getQueryData(preferencesQuery.queryKey) ?? data ?? null;
  return { prefs, save, loadError: error ? errorText(error) : null };
}

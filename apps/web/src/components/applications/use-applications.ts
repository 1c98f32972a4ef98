"use client";

import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { type Application, type ApplicationChange, client, send } from "@/lib/api";
import { applicationsQuery, queryKeys } from "@/lib/queries";
import { useErrorText } from "@/lib/use-error-text";

export { useErrorText } from "@/lib/use-error-text";

/**
 * Puts applications that changed (or are new) into the cached list, newest first. A load of
 * the list still under way is cancelled first, so its older answer cannot overwrite them.
 */
function merge(queryClient: QueryClient, changed: Application[]) {
  // The charts count applications too.
  void queryClient.invalidateQueries({ queryKey: queryKeys.metrics });
  // Not loaded yet: its first load will have them.
  if (!queryClient.getQueryData(applicationsQuery.queryKey)) return;
  void queryClient.cancelQueries({ queryKey: queryKeys.applications });
  queryClient.setQueryData(applicationsQuery.queryKey, (current) => {
    if (!current) return current;
    let applications = current.applications;
    for (const one of changed) {
      applications = applications.some((a) => a.id === one.id)
        ? applications.map((a) => (a.id === one.id ? one : a))
        : [one, ...applications];
    }
    return {
      ...current,
      applications,
      remindersDue: applications.filter((a) => a.reminderDue).length,
    };
  });
}

/** The person's applications (null while loading), with a way to swap in one that changed. */
export function useApplications() {
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { data, error } = useQuery(applicationsQuery);
  const replace = useCallback(
    (changed: Application) => merge(queryClient, [changed]),
    [queryClient],
  );
  return { list: data ?? null, error: error ? errorText(error) : null, replace };
}

/** Changes an application (status, notes, dates, documents) and returns it as stored. */
export function updateApplication(id: number, change: ApplicationChange) {
  return send(client.PUT("/api/applications/{id}", { params: { path: { id } }, body: change }));
}

/** Writes (or writes again) the applications to these jobs, and keeps them in the list. */
export function useGenerateApplications() {
  const queryClient = useQueryClient();
  return useCallback(
    async (jobIds: number[]) => {
      const { applications } = await send(
        client.POST("/api/applications/generate", { body: { jobIds } }),
      );
      merge(queryClient, applications);
      return applications;
    },
    [queryClient],
  );
}

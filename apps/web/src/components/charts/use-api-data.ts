"use client";

import { type QueryKey, type UseQueryOptions, useQuery } from "@tanstack/react-query";
import { ApiError } from "@/lib/api";
import { useErrorText } from "@/lib/use-error-text";

/** Why a load failed: the HTTP status when the API answered, and a sentence to show. */
export interface LoadFailure {
  status: number | null;
  message: string;
}

/**
 * A query for a view that shows it: the data when it came, else why not (the "you are
 * offline" sentence when the API cannot be reached).
 */
export function useApiData<T, K extends QueryKey>(
  options: UseQueryOptions<T, Error, T, K>,
): { data: T | null; failure: LoadFailure | null } {
  const errorText = useErrorText();
  const { data, error } = useQuery(options);
  return {
    data: data ?? null,
    failure: error
      ? { status: error instanceof ApiError ? error.status : null, message: errorText(error) }
      : null,
  };
}

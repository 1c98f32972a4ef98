"use client";

import { useQuery } from "@tanstack/react-query";
import { batchesQuery } from "@/lib/queries";
import { useErrorText } from "@/lib/use-error-text";

/** The person's batches, newest first (null while loading). */
export function useBatches(limit = 50) {
  const errorText = useErrorText();
  const { data, error } = useQuery(batchesQuery(limit));
  return { batches: data ?? null, error: error ? errorText(error) : null };
}

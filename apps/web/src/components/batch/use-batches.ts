"use client";

import { useEffect, useState } from "react";
import { api } from "@/lib/api";
import type { Batch } from "@/lib/types";

/** The person's batches, newest first (null while loading). */
export function useBatches(limit = 50) {
  const [batches, setBatches] = useState<Batch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ batches: Batch[] }>(`/batches?limit=${limit}`)
      .then((body) => setBatches(body.batches))
      .catch((cause: Error) => setError(cause.message));
  }, [limit]);
  return { batches, error };
}

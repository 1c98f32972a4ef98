"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ApiError, api } from "@/lib/api";

/** Why a load failed: the HTTP status when the API answered, and a sentence to show. */
export interface LoadFailure {
  status: number | null;
  message: string;
}

/**
 * GETs an API path once, for a view that shows it: the data when it came, else why not (the
 * "you are offline" sentence when the API cannot be reached).
 */
export function useApiData<T>(path: string): { data: T | null; failure: LoadFailure | null } {
  const tc = useTranslations("common");
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<LoadFailure | null>(null);
  useEffect(() => {
    api<T>(path)
      .then(setData)
      .catch((cause) =>
        setFailure({
          status: cause instanceof ApiError ? cause.status : null,
          message:
            cause instanceof ApiError && cause.code === "offline"
              ? tc("offline")
              : String(cause.message),
        }),
      );
  }, [path, tc]);
  return { data, failure };
}

"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "./api";

/** A failed call in words a person can act on (the API's own message, or "offline"). */
export function useErrorText() {
  const tc = useTranslations("common");
  return useCallback(
    (cause: unknown) =>
      cause instanceof ApiError && cause.code === "offline"
        ? tc("offline")
        : cause instanceof Error
          ? cause.message
          : String(cause),
    [tc],
  );
}

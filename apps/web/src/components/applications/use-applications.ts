"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "@/lib/api";
import type { Application, ApplicationList } from "@/lib/types";

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

/** The person's applications (null while loading), with a way to swap in one that changed. */
export function useApplications() {
  const errorText = useErrorText();
  const [list, setList] = useState<ApplicationList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setList(await api<ApplicationList>("/applications"));
      setError(null);
    } catch (cause) {
      setError(errorText(cause));
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);
  const replace = useCallback((changed: Application) => {
    setList((current) => {
      if (!current) return current;
      const known = current.applications.some((a) => a.id === changed.id);
      const applications = known
        ? current.applications.map((a) => (a.id === changed.id ? changed : a))
        : [changed, ...current.applications];
      return {
        ...current,
        applications,
        remindersDue: applications.filter((a) => a.reminderDue).length,
      };
    });
  }, []);
  return { list, error, reload: load, replace };
}

/** Changes an application (status, notes, dates, documents) and returns it as stored. */
export function updateApplication(id: number, change: Record<string, unknown>) {
  return api<Application>(`/applications/${id}`, { method: "PUT", json: change });
}

"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useToast } from "@/components/toast";
import { api } from "@/lib/api";
import type { Preferences } from "@/lib/types";

/**
 * The signed-in person's preferences, and `save(change)`: shown at once, stored by
 * PUT /api/preferences. PUT replaces the whole set, so each save sends every answer so far;
 * saves in a row go in order. Each save is confirmed, or its failure told, in a toast.
 */
export function usePreferences() {
  const tc = useTranslations("common");
  const toast = useToast();
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const queue = useRef(Promise.resolve());
  const latest = useRef<Preferences | null>(null);

  useEffect(() => {
    api<Preferences>("/preferences")
      .then((loaded) => {
        latest.current = loaded;
        setPrefs(loaded);
      })
      .catch((cause: Error) => setLoadError(cause.message));
  }, []);

  const save = useCallback(
    (change: Partial<Preferences>) => {
      if (!latest.current) return;
      const next = { ...latest.current, ...change };
      latest.current = next;
      setPrefs(next);
      // An unset answer (no city) is an absent key.
      const body = Object.fromEntries(
        Object.entries(next).filter(([, value]) => value !== undefined),
      );
      queue.current = queue.current.then(() =>
        api<Preferences>("/preferences", { method: "PUT", json: body })
          .then(() => toast({ message: tc("saved") }))
          .catch((cause: Error) => toast({ message: tc("error", { message: cause.message }) })),
      );
    },
    [toast, tc],
  );

  return { prefs, save, loadError };
}

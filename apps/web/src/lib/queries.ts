// Server state: the API's resources as TanStack Query queries, one key per resource, each call
// given the query's abort signal (a page left mid-load cancels its requests).
import {
  QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { ApiError, client, send } from "./api";
import type { components } from "./api-schema";

/** Reads are retried twice, except when the API said no (4xx); writes are never retried. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export const queryKeys = {
  session: ["session"],
  status: ["status"],
  preferences: ["preferences"],
  cv: ["cv"],
  currentBatch: ["batches", "current"],
  /** Every list of batches, whatever its length. */
  batchLists: ["batches", "list"],
  batches: (limit: number) => ["batches", "list", limit],
  applications: ["applications"],
  skills: ["skills"],
  metrics: ["metrics"],
  adminOverview: ["admin", "overview"],
  notifications: ["notifications"],
  schedule: ["schedule"],
} as const;

export const sessionQuery = queryOptions({
  queryKey: queryKeys.session,
  queryFn: ({ signal }) =>
    send(client.GET("/api/auth/session", { signal })).then((body) => body.user),
});

export const statusQuery = queryOptions({
  queryKey: queryKeys.status,
  queryFn: ({ signal }) => send(client.GET("/api/status", { signal })),
});

export const preferencesQuery = queryOptions({
  queryKey: queryKeys.preferences,
  queryFn: ({ signal }) => send(client.GET("/api/preferences", { signal })),
});

export const cvQuery = queryOptions({
  queryKey: queryKeys.cv,
  queryFn: ({ signal }) => send(client.GET("/api/cv", { signal })),
});

/**
 * The open batch, or null when there is none (not an error: the dashboard offers one). Asked as
 * the newest batch (GET /api/batches?limit=1), which is the open one when its status says so: a
 * person has at most one open batch. GET /api/batches/current would answer 404 when there is
 * none, and a browser logs every 404 as an error.
 */
export const currentBatchQuery = queryOptions({
  queryKey: queryKeys.currentBatch,
  queryFn: async ({ signal }) => {
    const { batches } = await send(
      client.GET("/api/batches", { params: { query: { limit: 1 } }, signal }),
    );
    const [newest] = batches;
    return newest?.status === "open" ? newest : null;
  },
});

/** The newest `limit` batches, newest first. */
export const batchesQuery = (limit: number) =>
  queryOptions({
    queryKey: queryKeys.batches(limit),
    queryFn: ({ signal }) =>
      send(client.GET("/api/batches", { params: { query: { limit } }, signal })).then(
        (body) => body.batches,
      ),
  });

export const applicationsQuery = queryOptions({
  queryKey: queryKeys.applications,
  queryFn: ({ signal }) => send(client.GET("/api/applications", { signal })),
});

export const skillsQuery = queryOptions({
  queryKey: queryKeys.skills,
  queryFn: ({ signal }) => send(client.GET("/api/skills", { signal })),
});

export const metricsQuery = queryOptions({
  queryKey: queryKeys.metrics,
  queryFn: ({ signal }) => send(client.GET("/api/metrics", { signal })),
});

export const adminOverviewQuery = queryOptions({
  queryKey: queryKeys.adminOverview,
  queryFn: ({ signal }) => send(client.GET("/api/admin/overview", { signal })),
});

export type NotificationSettings = components["schemas"]["NotificationSettingsView"];
export type NotificationSettingsInput = components["schemas"]["NotificationSettingsInput"];
export type Schedule = components["schemas"]["Schedule"];

/** How the person is told: e-mail, webhook, language, time zone (and whether mail can reach them). */
export const notificationsQuery = queryOptions({
  queryKey: queryKeys.notifications,
  queryFn: ({ signal }) => send(client.GET("/api/notifications", { signal })),
});

/** When the next batch is due (UTC), the person's time zone, and whether they may ask now. */
export const scheduleQuery = queryOptions({
  queryKey: queryKeys.schedule,
  queryFn: ({ signal }) => send(client.GET("/api/schedule", { signal })),
});

/**
 * Saves a change of the notification settings (PUT: keys left out stay) and puts the saved
 * settings in the cache; the schedule shows the time zone too, so it is read again.
 */
export function useSaveNotifications() {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: "notifications" },
    mutationFn: (body: NotificationSettingsInput) =>
      send(client.PUT("/api/notifications", { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.notifications, saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.schedule });
    },
  });
}

/** Sends the signed test event to the saved webhook; resolves with what the receiver answered. */
export function useTestWebhook() {
  return useMutation({
    mutationFn: () => send(client.POST("/api/notifications/webhook/test")),
  });
}

/** "Ask for one now": queues the person's run (at most once an hour); the schedule is read again. */
export function useAskForBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => send(client.POST("/api/schedule/run-now")),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.schedule }),
  });
}

/** The browser's IANA time zone, or null where the runtime does not say. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

const GUESS_KEY = "aura.notifications.guessed";

/**
 * Once per browser: while the saved time zone is still the default (UTC) and the browser's
 * differs, saves the browser's (and the page's language for the e-mails, while those are still
 * the default English). A person who later picks UTC on purpose keeps it: the guess is made once.
 */
export function useGuessNotificationDefaults(locale: string) {
  const { data } = useQuery(notificationsQuery);
  const save = useSaveNotifications();
  const { mutate } = save;
  const tried = useRef(false);
  useEffect(() => {
    if (!data || tried.current) return;
    tried.current = true;
    let guessed: string | null = null;
    try {
      guessed = window.localStorage.getItem(GUESS_KEY);
    } catch {}
    if (guessed) return;
    const remember = () => {
      try {
        window.localStorage.setItem(GUESS_KEY, new Date().toISOString());
      } catch {}
    };
    const change: NotificationSettingsInput = {};
    const zone = browserTimeZone();
    if (data.timeZone === "UTC" && zone && zone !== "UTC") change.timeZone = zone;
    if (change.timeZone && data.language === "en" && (locale === "es" || locale === "pt")) {
      change.language = locale;
    }
    if (Object.keys(change).length === 0) return remember();
    // A zone this server does not know is left as it is: the person can pick one in settings.
    mutate(change, { onSettled: remember });
  }, [data, locale, mutate]);
  return save;
}

// Server state: the API's resources as TanStack Query queries, one key per resource, each call
// given the query's abort signal (a page left mid-load cancels its requests).
import { QueryClient, queryOptions } from "@tanstack/react-query";
import { ApiError, client, send } from "./api";

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

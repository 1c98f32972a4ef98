"use client";

import { queryOptions } from "@tanstack/react-query";
import { useApiData } from "@/components/charts/use-api-data";
import { client, send } from "@/lib/api";
import type { components } from "@/lib/api-schema";

/** What the agent runs by itself, as GET /api/admin/agent gives it (admins only). */
export type AgentOverview = components["schemas"]["AgentOverview"];
export type AgentRun = components["schemas"]["AgentRun"];
export type TaskRunStatus = AgentRun["status"];

/** Read again every 30 seconds while the page is open: the queue and the runs move by themselves. */
export const agentOverviewQuery = queryOptions({
  queryKey: ["admin", "agent"] as const,
  queryFn: ({ signal }) => send(client.GET("/api/admin/agent", { signal })),
  refetchInterval: 30_000,
});

/** The agent's overview for the admin page; `enabled` false (not an admin) asks for nothing. */
export function useAgentOverview(enabled: boolean) {
  return useApiData({ ...agentOverviewQuery, enabled });
}

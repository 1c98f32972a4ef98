// What the doors may ask of the agent's tasks (the API's "ask for a batch now", training after
// a lock, the admin page's view of schedules and queue), whichever runner runs them.
import { z } from "../shared/contract-zod.ts";

export const agentStatusSchema = z
  .object({
    runner: z.enum(["in-process", "postgres-queue"]).openapi({
      description:
        "in-process: this server runs the tasks itself (the embedded database); postgres-queue: `aura worker` processes take them from PostgreSQL",
    }),
    schedules: z.array(
      z.object({
        name: z.enum(["gather", "sweep"]),
        pattern: z.string().openapi({ description: "cron, UTC" }),
        nextRunAt: z
          .string()
          .nullable()
          .openapi({ description: "UTC; null when not running here" }),
      }),
    ),
    queue: z.object({
      waiting: z.number().int(),
      running: z.number().int(),
      failed: z.number().int().openapi({ description: "Failed for good (retries spent), kept" }),
    }),
  })
  .openapi("AgentStatus");
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/** The agent's tasks as the doors see them (built by the scheduler, or a queue client). */
export interface AgentTasks {
  /** Queues one person's run now (train, prepare their batch, tell them); false if queued already. */
  runPersonNow(userId: string): Promise<boolean>;
  /** Queues training of a person's models (after they lock a batch); false if queued already. */
  trainPerson(userId: string): Promise<boolean>;
  status(): Promise<AgentStatus>;
}

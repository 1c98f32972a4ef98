// The agent's tasks for a server process (`aura start`, `aura serve`) or `aura worker`: the
// schedules, and where tasks run — in this process on the embedded database, from the
// PostgreSQL queue on a server.
import {
  type AuraConfig,
  createPersonNotifier,
  createScheduler,
  type Database,
  type Embedder,
  type Logger,
  type Mailer,
  openTaskQueue,
  performTask,
  type Scheduler,
  type TaskContext,
} from "@aura/core";

export interface AgentOptions {
  db: Database;
  config: AuraConfig;
  embedder: () => Promise<Embedder>;
  log: Logger;
  mailer: Mailer | null;
  /** Where people open AURA (links in the messages; known once the server listens). */
  appUrl: () => string;
  /** Signs unsubscribe links (the auth secret). */
  secret: string;
  /** Run the crons here (one process of a cluster does). */
  schedules: boolean;
  /** Tasks this process takes from the PostgreSQL queue at once (0: none, only enqueue). */
  work: number;
}

/** Starts the scheduler (crons only when `schedules`), and on a server the queue's workers. */
export async function startAgent(options: AgentOptions): Promise<Scheduler> {
  const context: TaskContext = {
    db: options.db,
    config: options.config,
    embedder: options.embedder,
    log: options.log,
    notify: createPersonNotifier({
      db: options.db,
      config: options.config,
      mailer: options.mailer,
      appUrl: options.appUrl,
      secret: options.secret,
      log: options.log,
      allowPrivateWebhooks: options.config.notify.webhook.allowPrivate,
    }),
  };
  const { databaseUrl } = options.config;
  const queue = databaseUrl
    ? await openTaskQueue({ databaseUrl, config: options.config, log: options.log })
    : undefined;
  if (queue && options.work > 0) {
    await queue.work(options.db, (request) => performTask(context, request), options.work);
  }
  return createScheduler(
    { ...context, runner: queue },
    { start: options.schedules && options.config.schedule.enabled },
  );
}

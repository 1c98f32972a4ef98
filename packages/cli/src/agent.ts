// What a long-running AURA process (`aura start`, `aura serve`, `aura worker`) shares: its log,
// its mail sender, the sentence encoder opened on first use, and the agent — the schedules and
// where tasks run (in this process on the embedded database, from the PostgreSQL queue on a
// server).
import { authSecret } from "@aura/api";
import {
  type AuraConfig,
  type ClosableEmbedder,
  createLogger,
  createPersonNotifier,
  createScheduler,
  type Database,
  loadConfig,
  mailerFromConfig,
  openEmbedder,
  openTaskQueue,
  performTask,
  type TaskContext,
} from "@aura/core";

export interface AgentProcessOptions {
  db: Database;
  config: AuraConfig;
  /** Where people open AURA (links in the messages; known once the server listens). */
  appUrl: () => string;
  /** Run the crons here (one process of a cluster does). */
  schedules: boolean;
  /** Tasks this process takes from the PostgreSQL queue at once (0: none, only enqueue). */
  work: number;
}

export async function openAgentProcess(options: AgentProcessOptions) {
  const { config, db } = options;
  // JSON lines on stdout (readable ones on a terminal): requests, tasks, errors.
  const log = createLogger({ level: config.logLevel });
  const { env } = loadConfig({ cwd: process.cwd(), env: process.env });
  const mailer = mailerFromConfig({ env, config, log });
  let embedder: Promise<ClosableEmbedder> | null = null;
  // The model loads (in a thread of its own) when a text is first embedded, and stops idle.
  const openShared = () => {
    embedder ??= openEmbedder(config.embed, { lazy: true });
    return embedder;
  };
  const context: TaskContext = {
    db,
    config,
    embedder: openShared,
    log,
    notify: createPersonNotifier({
      db,
      config,
      mailer,
      appUrl: options.appUrl,
      secret: authSecret(process.env, config.dataDir),
      log,
      allowPrivateWebhooks: config.notify.webhook.allowPrivate,
    }),
  };
  const { databaseUrl } = config;
  const queue = databaseUrl ? await openTaskQueue({ databaseUrl, config, log }) : undefined;
  if (queue && options.work > 0) {
    await queue.work(db, (request) => performTask(context, request), options.work);
  }
  const agent = createScheduler(
    { ...context, runner: queue },
    { start: options.schedules && config.schedule.enabled },
  );
  return {
    log,
    mailer,
    embedder: openShared,
    agent,
    /** Stops the schedules and lets running tasks finish, then closes the mailer and encoder. */
    async close() {
      await agent.stop();
      mailer?.close();
      await (await embedder)?.close();
    },
  };
}

// The agent on its own, on a fake clock over real databases: people are run when their own
// search frequency says so (daily, weekly), each due batch once, prepared and announced; the
// runner retries a failed task and records every attempt; one gathering at a time.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Batch } from "../batch/batches.ts";
import { lockBatch } from "../batch/batches.ts";
import { rateJob } from "../batch/ratings.ts";
import { configSchema } from "../config/config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { users } from "../db/schema.ts";
import { type ClosableEmbedder, openEmbedder } from "../embed/open-embedder.ts";
import { silentLogger } from "../log/logger.ts";
import { createMailer } from "../notify/mailer.ts";
import {
  getNotificationSettings,
  saveNotificationSettings,
  unsubscribe,
} from "../notify/notification-settings.ts";
import { verifyUnsubscribeToken } from "../notify/unsubscribe-token.ts";
import { verifyWebhookSignature } from "../notify/webhook.ts";
import { embedAndIndex } from "../pipeline/embed-and-index.ts";
import { importPostings } from "../pipeline/import-postings.ts";
import { ensureUser, saveProfile } from "../profile/profile-store.ts";
import { dataScienceCv, rankTestPostingsJsonl } from "../rank/rank-test-postings.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { startTestSmtpServer } from "../testing/test-smtp-server.ts";
import { personSchedules } from "./due-people.ts";
import { gatherJobs } from "./gather.ts";
import { takeLease } from "./leases.ts";
import { createPersonNotifier } from "./notify-person.ts";
import { createScheduler } from "./scheduler.ts";
import { createTaskRunner } from "./task-runner.ts";
import { listTaskRuns } from "./task-runs.ts";

const DAY = 86_400_000;
let handle: DatabaseHandle;
let embedder: ClosableEmbedder;
const config = configSchema.parse({ dataDir: "/tmp/aura-scheduler-test" });

beforeAll(async () => {
  handle = await createTestDatabase();
  embedder = await openEmbedder(config.embed, { inThread: true });
  await importPostings(handle.db, { content: rankTestPostingsJsonl, fileName: "jobs.jsonl" });
  await embedAndIndex(handle.db, embedder);
}, 120_000);

afterAll(async () => {
  await embedder?.close();
  await handle?.close();
});

async function person(id: string, frequencyDays: number) {
  await ensureUser(handle.db, id, id);
  await saveProfile(handle.db, id, {
    cv: { text: dataScienceCv, fileName: "cv.txt" },
    preferences: { roles: ["Data Scientist"], batchSize: 2, searchFrequencyDays: frequencyDays },
  });
}

async function rateAndLock(userId: string, batch: Batch) {
  for (const item of batch.jobs) await rateJob(handle.db, userId, { jobId: item.job.id, stars: 2 });
  await lockBatch(handle.db, userId, batch.id);
}

describe("the scheduler", () => {
  it("runs each person when their own frequency is due, once per due batch, and tells them", async () => {
    await person("daily", 1);
    await person("weekly", 7);
    const start = Date.now();
    let clock = start;
    const told: { userId: string; batch: Batch }[] = [];
    const scheduler = createScheduler(
      {
        db: handle.db,
        config,
        embedder: async () => embedder,
        log: silentLogger,
        now: () => new Date(clock),
        notify: async (userId, batch) => {
          told.push({ userId, batch });
          return ["test"];
        },
      },
      { start: false },
    );

    // Nobody has a batch yet: both are due for their first.
    expect(await scheduler.sweep()).toBe(2);
    await scheduler.runner.idle();
    expect(told.map((t) => [t.userId, t.batch.number]).sort()).toEqual([
      ["daily", 1],
      ["weekly", 1],
    ]);
    // The batches wait to be rated: nobody is due, whatever the clock says.
    clock = start + 30 * DAY;
    expect(await scheduler.sweep()).toBe(0);
    for (const { userId, batch } of told) await rateAndLock(userId, batch);

    // A day later only the daily person is due; a second sweep queues nothing more.
    clock = start + DAY + 60_000;
    expect(await scheduler.sweep()).toBe(1);
    expect(await scheduler.sweep()).toBe(0);
    await scheduler.runner.idle();
    expect(told.at(-1)).toMatchObject({ userId: "daily", batch: { number: 2 } });
    expect(await scheduler.sweep()).toBe(0);

    // A week later the weekly person is due; the daily one still has batch 2 to rate.
    clock = start + 7 * DAY + 60_000;
    expect(await scheduler.sweep()).toBe(1);
    await scheduler.runner.idle();
    expect(told.at(-1)).toMatchObject({ userId: "weekly", batch: { number: 2 } });
    expect(told).toHaveLength(4);

    const schedules = await personSchedules(handle.db);
    expect(schedules.find((s) => s.userId === "daily")).toMatchObject({
      frequencyDays: 1,
      nextDueAt: null,
    });
    const runs = await listTaskRuns(handle.db, { userId: "weekly" });
    expect(runs.map((r) => r.status)).toEqual(["done", "done"]);
    expect(runs[0]?.result).toMatchObject({ batchNumber: 2, jobs: 2, notified: ["test"] });
    await scheduler.stop();
  }, 120_000);

  it("retries a failed task with backoff and records every attempt; a finished key is not run again", async () => {
    const waits: number[] = [];
    let calls = 0;
    const runner = createTaskRunner({
      db: handle.db,
      log: silentLogger,
      retries: 2,
      backoffMs: 1000,
      sleep: async (ms) => {
        waits.push(ms);
      },
      perform: async () => {
        calls++;
        if (calls < 3) throw new Error(`board down (${calls})`);
        return { status: "done" as const, result: { stored: 3 } };
      },
    });
    const task = { task: "gather" as const, key: "gather:retry-test" };
    expect(await runner.enqueue(task)).toBe(true);
    expect(await runner.enqueue(task)).toBe(false);
    await runner.idle();
    expect(calls).toBe(3);
    expect(waits).toEqual([1000, 2000]);
    const runs = (await listTaskRuns(handle.db)).filter((r) => r.key === "gather:retry-test");
    expect(runs.map((r) => [r.attempt, r.status, r.error]).reverse()).toEqual([
      [1, "failed", "board down (1)"],
      [2, "failed", "board down (2)"],
      [3, "done", null],
    ]);
    await runner.enqueue(task);
    await runner.idle();
    expect(calls).toBe(3);
  });

  it("gathers in one process at a time: a held lease skips, an expired one is taken", async () => {
    expect(await takeLease(handle.db, "gather", "other-process", 60_000)).toBe(true);
    expect(await takeLease(handle.db, "gather", "third-process", 60_000)).toBe(false);
    const skipped = await gatherJobs({
      db: handle.db,
      config,
      embedder: async () => embedder,
      log: silentLogger,
      offline: true,
    });
    expect(skipped).toEqual({
      status: "skipped",
      result: { reason: "another process is gathering jobs" },
    });
    // A holder that died: its lease runs out and the next process takes it.
    expect(await takeLease(handle.db, "stale", "dead-process", 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await takeLease(handle.db, "stale", "next-process", 60_000)).toBe(true);
  });
});

describe("telling a person their batch is ready", () => {
  it("sends the e-mail in each person's language and signs the webhook; the unsubscribe link turns e-mail off", async () => {
    const smtp = await startTestSmtpServer();
    const hooks: { signature: string; body: string }[] = [];
    const receiver = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        hooks.push({ signature: String(request.headers["x-aura-signature"]), body });
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/aura`;
    const mailer = createMailer({ smtpUrl: smtp.url, from: "AURA <aura@example.org>" });
    const secret = "s".repeat(40);
    const people = [
      { id: "maria", name: "María", language: "es", subject: "Tu nuevo lote está listo" },
      { id: "joao", name: "João", language: "pt", subject: "Seu novo lote está pronto" },
      { id: "emma", name: "Emma", language: "en", subject: "Your new batch is ready" },
    ] as const;
    try {
      for (const p of people) {
        await handle.db
          .insert(users)
          .values({ id: p.id, name: p.name, email: `${p.id}@example.org` });
        await person(p.id, 7);
        await saveNotificationSettings(
          handle.db,
          p.id,
          {
            language: p.language,
            timeZone: "Europe/Madrid",
            ...(p.id === "maria" ? { webhookUrl: hookUrl } : {}),
          },
          { allowPrivateWebhooks: true },
        );
      }
      const notify = createPersonNotifier({
        db: handle.db,
        config,
        mailer,
        appUrl: "https://aura.example.org/",
        secret,
        log: silentLogger,
        allowPrivateWebhooks: true,
      });
      const scheduler = createScheduler(
        { db: handle.db, config, embedder: async () => embedder, log: silentLogger, notify },
        { start: false },
      );
      await scheduler.sweep();
      await scheduler.runner.idle();
      const [run] = await listTaskRuns(handle.db, { userId: "maria" });
      expect(run?.result).toMatchObject({ batchNumber: 1, notified: ["email", "webhook"] });

      for (const p of people) {
        const mail = await smtp.waitFor(`${p.id}@example.org`);
        expect(smtp.mails.filter((m) => m.to.includes(`${p.id}@example.org`))).toHaveLength(1);
        expect(mail.parsed.subject).toBe(p.subject);
        expect(mail.parsed.text).toContain(p.name);
        expect(mail.parsed.text).toContain(`https://aura.example.org/${p.language}/dashboard`);
        expect(mail.parsed.html).toContain(`lang="${p.language}"`);
        expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      }
      const maria = await smtp.waitFor("maria@example.org");
      const link =
        /https:\/\/aura\.example\.org\/api\/notifications\/unsubscribe\?token=(\S+)/.exec(
          maria.parsed.text ?? "",
        );
      expect(link).not.toBeNull();

      expect(hooks).toHaveLength(1);
      const settings = await getNotificationSettings(handle.db, "maria");
      const hook = hooks[0] as { signature: string; body: string };
      expect(verifyWebhookSignature(settings.webhookSecret ?? "", hook.signature, hook.body)).toBe(
        true,
      );
      // A body changed on the way no longer matches its signature.
      expect(
        verifyWebhookSignature(
          settings.webhookSecret ?? "",
          hook.signature,
          hook.body.replace("batch.ready", "batch.ready "),
        ),
      ).toBe(false);
      expect(JSON.parse(hook.body)).toMatchObject({
        event: "batch.ready",
        data: { batch: { number: 1 }, dashboardUrl: "https://aura.example.org/es/dashboard" },
      });

      // The link names María and the e-mail channel; following it turns e-mail off.
      const claim = verifyUnsubscribeToken(secret, decodeURIComponent(link?.[1] ?? ""));
      expect(claim).toEqual({ userId: "maria", channel: "email" });
      await unsubscribe(handle.db, "maria", "email");
      expect((await getNotificationSettings(handle.db, "maria")).email).toBe(false);
      await scheduler.stop();
    } finally {
      mailer.close();
      await smtp.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  }, 120_000);

  it("refuses a webhook on a private address and an unknown time zone, naming the field", async () => {
    await expect(
      saveNotificationSettings(handle.db, "daily", { webhookUrl: "http://127.0.0.1:9/x" }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      saveNotificationSettings(handle.db, "daily", { timeZone: "Mars/Olympus" }),
    ).rejects.toMatchObject({ code: "invalid_input", field: "timeZone" });
  });
});

import { Worker } from "node:worker_threads";
import type { TrainingInput, TrainingOutput } from "./train-fit.ts";
import type { TrainWorkerReply, TrainWorkerRequest } from "./train-worker.ts";

/**
 * Training off the caller's thread: `fitTrainingInThread` posts what was read to one worker
 * thread (started on first use, it trains one person at a time, in order) and resolves with
 * what it trained, so the event loop here keeps serving while TF.js computes. The thread does
 * not keep the process alive while idle, and stops after IDLE_MS without work, which hands its
 * memory (TF.js's WASM heap) back; the next call starts another.
 */
const IDLE_MS = 30_000;

interface Waiter {
  resolve(output: TrainingOutput): void;
  reject(error: Error): void;
}

interface TrainingThread {
  worker: Worker;
  pending: Map<number, Waiter>;
  idle: NodeJS.Timeout | null;
}

let thread: TrainingThread | null = null;
let nextId = 0;

/** Trains one person's models (train-fit.ts `fitTraining`) in the training thread. */
export function fitTrainingInThread(input: TrainingInput): Promise<TrainingOutput> {
  const current = thread ?? start();
  if (current.idle) clearTimeout(current.idle);
  current.idle = null;
  return new Promise<TrainingOutput>((resolve, reject) => {
    const id = nextId++;
    try {
      current.worker.postMessage({ id, input } satisfies TrainWorkerRequest);
    } catch (error) {
      reject(error as Error);
      settled(current);
      return;
    }
    current.pending.set(id, { resolve, reject });
    // Working: the process waits for it.
    current.worker.ref();
  });
}

/** Stops the training thread now (any training under way rejects). */
export async function closeTrainingThread(): Promise<void> {
  const current = thread;
  if (!current) return;
  thread = null;
  if (current.idle) clearTimeout(current.idle);
  await current.worker.terminate();
}

function start(): TrainingThread {
  const worker = new Worker(new URL("./train-worker-boot.mjs", import.meta.url));
  const current: TrainingThread = { worker, pending: new Map(), idle: null };
  thread = current;
  const failAll = (error: Error) => {
    if (thread === current) thread = null;
    if (current.idle) clearTimeout(current.idle);
    const waiters = [...current.pending.values()];
    current.pending.clear();
    for (const waiter of waiters) waiter.reject(error);
  };
  worker.on("message", (reply: TrainWorkerReply) => {
    const waiter = current.pending.get(reply.id);
    current.pending.delete(reply.id);
    if ("error" in reply) waiter?.reject(new Error(reply.error));
    else waiter?.resolve(reply.output);
    settled(current);
  });
  worker.on("error", (error) => failAll(error));
  worker.on("messageerror", (error) => failAll(error));
  worker.on("exit", (code) =>
    failAll(new Error(`The training thread stopped (exit code ${code}) before it answered.`)),
  );
  return current;
}

/** After a reply: idle, the thread no longer holds the process open, and stops in a while. */
function settled(current: TrainingThread) {
  if (current.pending.size > 0 || thread !== current) return;
  current.worker.unref();
  if (current.idle) clearTimeout(current.idle);
  current.idle = setTimeout(() => {
    if (thread === current && current.pending.size === 0) void closeTrainingThread();
  }, IDLE_MS);
  current.idle.unref();
}

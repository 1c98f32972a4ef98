import { getPriority, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { fitTraining, type TrainingInput, type TrainingOutput } from "./train-fit.ts";

/**
 * The training thread (train-thread.ts starts it): trains one person's models at a time from
 * what it is posted, and posts back the models to store, or the error's message.
 */
export type TrainWorkerRequest = { id: number; input: TrainingInput };
export type TrainWorkerReply =
  | { id: number; output: TrainingOutput }
  | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error("train-worker runs only as a worker thread");
const messageOf = (error: unknown) => String((error as Error)?.message ?? error);

// Training yields the processor to the requests the main thread serves: on Linux a thread's
// niceness is its own (priority 0 names this thread), so only training runs at the lower one.
try {
  setPriority(Math.max(getPriority(), 10));
} catch {
  // Not allowed here (some containers): training just runs at the process's priority.
}

// One person at a time, in the order posted: TF.js shares one backend in the thread.
let queue: Promise<void> = Promise.resolve();
port.on("message", (request: TrainWorkerRequest) => {
  queue = queue.then(async () => {
    try {
      const output = await fitTraining(request.input);
      port.postMessage({ id: request.id, output } satisfies TrainWorkerReply);
    } catch (error) {
      port.postMessage({ id: request.id, error: messageOf(error) } satisfies TrainWorkerReply);
    }
  });
});

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

/**
 * Runs report generation in a worker thread (render/report-worker.ts) with a heap limit, one at a time per
 * process (the machine's cores also serve the residents), passing its progress on to the caller.
 */
import { Worker } from "node:worker_threads";
import type { Progress, RenderedFile, RenderTask } from "./render/render-task";
import type { WorkerMessage } from "./render/report-worker";

/** From source (tsx, tests) the TypeScript entry through tsx; in the production bundle the compiled file beside it. */
const WORKER_URL = import.meta.url.endsWith(".ts")
  ? new URL("./render/report-worker-dev.mjs", import.meta.url)
  : new URL("./report-worker.js", import.meta.url);

const WORKER_HEAP_MB = 1024;

let queue: Promise<unknown> = Promise.resolve();

function runWorker(task: RenderTask, progress: Progress): Promise<RenderedFile> {
  return new Promise<RenderedFile>((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: task,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") progress(message.done, message.total, message.step);
      else {
        settled = true;
        void worker.terminate();
        if (message.type === "done") {
          resolve({ fileName: message.fileName, contentType: message.contentType, bytes: message.bytes });
        } else reject(new Error(`report worker failed: ${message.message}`));
      }
    });
    worker.on("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`report worker exited with code ${code}`));
    });
  });
}

/** Renders a task off the event loop; tasks of one process wait for each other. */
export function renderOffThread(task: RenderTask, progress: Progress = () => {}): Promise<RenderedFile> {
  const run = queue.then(() => runWorker(task, progress));
  queue = run.catch(() => undefined);
  return run;
}

// The report worker thread's entry: renders one task (render-task.ts) and answers with progress messages and the
// file, so chart rasterising and document packing never hold the API's event loop. Bundled for production by
// scripts/build-api.mjs as dist/report-worker.js; under tsx it is started through report-worker-dev.mjs.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { type RenderTask, renderTask } from "./render-task";

export type WorkerMessage =
  | { type: "progress"; done: number; total: number; step: string }
  | { type: "done"; fileName: string; contentType: string; bytes: Uint8Array }
  | { type: "error"; message: string };

// On Linux the nice value belongs to the calling thread: this lowers the worker's thread only, so that when the
// cores are busy the API's event loop (residents, health checks) gets them first and the report waits.
if (process.platform === "linux") setPriority(10);

const port = parentPort;
if (!port) throw new Error("report-worker runs as a worker thread");
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

renderTask(workerData as RenderTask, (done, total, step) => post({ type: "progress", done, total, step })).then(
  (file) => {
    const bytes = new Uint8Array(file.bytes);
    post({ type: "done", fileName: file.fileName, contentType: file.contentType, bytes }, [
      bytes.buffer as ArrayBuffer,
    ]);
  },
  (error: unknown) =>
    post({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);

import { workerData } from 'node:worker_threads';

/** Marks a worker thread started to render (the report script runs both as the CLI and as a worker). */
export const RENDER_WORKER_MARK = 'nianbao-render-worker';

/** True in a batch worker thread: the script then serves file requests instead of parsing argv (render-workers.ts, loaded only then). */
export function isRenderWorker(): boolean {
  return (workerData as { mark?: unknown } | undefined)?.mark === RENDER_WORKER_MARK;
}

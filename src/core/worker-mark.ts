/** Marks a worker thread started to render (the report script runs both as the CLI and as a worker). */
export const RENDER_WORKER_MARK = 'nianbao-render-worker';

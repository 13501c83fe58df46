import { parentPort, workerData } from 'node:worker_threads';
import { type ComputeInput, computeRun, transferList } from './dedup-compute';

/**
 * Worker thread of a deduplication run (started by dedup-service.ts): computes the run's pairs off the main thread,
 * reporting each stage, and sends the result back with its buffers transferred.
 */
const port = parentPort;
if (!port) throw new Error('dedup-worker runs as a worker thread');
const result = computeRun(workerData as ComputeInput, (stage, detail) =>
  port.postMessage({ type: 'stage', stage, detail }),
);
port.postMessage({ type: 'result', result }, transferList(result));

// Entry of the deduplication worker thread: registers tsx (Ruta runs its TypeScript sources directly, as
// bin/ruta.js does) before loading the worker itself; `--import tsx` in a worker's execArgv is not applied to
// its entry module on Node 20.
import { register } from 'tsx/esm/api';

register();
await import('./dedup-worker.ts');

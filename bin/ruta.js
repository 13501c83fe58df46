#!/usr/bin/env node
// Ruta runs its TypeScript sources directly through tsx, so development, tests and production share one code path.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/ruta.ts');

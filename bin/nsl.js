#!/usr/bin/env node
// The development launcher (tests, `npm run cli`): runs the TypeScript command line through tsx's
// loader, with no build step. The npm package's `nsl` is dist/cli/nsl.js, compiled at pack time (issue 28).
import { register } from 'tsx/esm/api';

register();
await import('../lib/cli/main.ts');

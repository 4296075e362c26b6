#!/usr/bin/env node
// `npx nsl …`: runs the TypeScript command line through tsx's loader, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../lib/cli/main.ts');

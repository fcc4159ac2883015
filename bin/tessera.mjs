#!/usr/bin/env -S node --max-semi-space-size=64
// The `tessera` command. Tessera runs its TypeScript through tsx, so there is no build step
// between editing the code and running it.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');

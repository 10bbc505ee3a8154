#!/usr/bin/env node
// The gateway's sources are TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

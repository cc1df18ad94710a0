#!/usr/bin/env node
// `npx policy-tracker <command>`: the command line, built first only if a source changed.
import { buildIfStale } from '../scripts/build.mjs';

buildIfStale();
await import('../dist/src/cli/main.js');

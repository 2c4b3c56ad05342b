#!/usr/bin/env node
// The built CLI (run `npm run build` first); during development use `npm run replika -- <command>`.
await import('../dist/src/cli/main.js');

#!/usr/bin/env node
import { main } from './main.js';

// Output piped into `head` (or a pager quit early) closes the pipe: stop quietly, as other tools do, instead of
// an unhandled EPIPE with a stack trace. Other stream errors are left to fail loudly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// Runs the end-to-end tests: checks for Chromium, builds the app, then runs Vitest with the
// e2e config. SKIP_E2E=1 skips them (and says so); a missing browser is an error that says how
// to install one, never a silent pass.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (process.env.SKIP_E2E === '1') {
  console.log('SKIP_E2E=1: end-to-end browser tests skipped.');
  process.exit(0);
}
if (!existsSync(chromium)) {
  console.error(
    `End-to-end tests need Chromium at ${chromium}, and it is missing.\n` +
      `Install Debian's package:  sudo apt-get install -y chromium\n` +
      `(or point CHROMIUM_PATH at a Chromium binary, or set SKIP_E2E=1 to skip the browser tests).`,
  );
  process.exit(1);
}

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']);

/**
 * The process entry: bundled by generator/cli/bundle.mjs into dist/lakegen.cjs, which bin/lakegen.js runs
 * through the launcher (launch.ts). No top-level await: the bundle is a classic script.
 */
import { run } from './main.js';

void run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
}).then((code) => {
  process.exitCode = code;
});

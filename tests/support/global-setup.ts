/**
 * Some tests run the real `lakegen` binary (exit codes, signals, pre-commit hooks): build dist/ and the bundle
 * the binary runs (npm run build's two steps) from the current sources once per test run, so they never test a
 * stale build.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env.LAKEGEN_SKIP_BUILD) return; // quick iteration on tests that do not spawn the binary
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [join(root, 'generator', 'cli', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
}

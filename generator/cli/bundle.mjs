#!/usr/bin/env node
// Build step after tsc: bundles the CLI (dist/generator/cli/bin.js and everything it imports) into one classic
// script, dist/lakegen.cjs, which bin/lakegen.js runs through V8's code cache (see launch.ts).
//
// Why a bundle: Node 20 has no compile cache for ES modules, and resolving and compiling ~100 modules is a
// fixed cost of every run. One script compiles once and its code cache covers all of it. esbuild because it
// is the well-kept bundler that does this in milliseconds with no configuration file.
//
// Left out (loaded from node_modules when a command needs them): the database drivers, the TypeScript
// compiler and its helpers. yaml, csv-parse and ajv's runtime helpers are bundled through
// optional-modules.bundle.cjs, which keeps them evaluated on first use.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = join(root, 'dist', 'lakegen.cjs');
// code cached from an earlier bundle is of no use to this one (launch.ts)
rmSync(join(root, 'dist', 'code-cache'), { recursive: true, force: true });

await build({
  entryPoints: [join(root, 'dist', 'generator', 'cli', 'bin.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['pg', '@electric-sql/pglite', 'typescript', 'ts-morph', 'sucrase', 'testcontainers', '@testcontainers/*'],
  // launch.ts passes the bundle's own URL under this name; the modules use it for createRequire and to find
  // the package root
  define: { 'import.meta.url': '__import_meta_url' },
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [{
    // the optional modules, bundled but evaluated on first use (generator/util/optional-modules.ts)
    name: 'optional-modules',
    setup(plugin) {
      plugin.onResolve({ filter: /\/optional-modules\.js$/ }, () => ({ path: join(root, 'generator', 'util', 'optional-modules.bundle.cjs') }));
    },
  }],
});

// A classic script run by vm.Script cannot call import() (Node 20 wants --experimental-vm-modules for it): the
// first such call would fail at run time, in front of a user. Fail the build instead.
const bundled = readFileSync(outfile, 'utf8');
const dynamicImport = /\bimport\s*\(/.exec(bundled);
if (dynamicImport) {
  const line = bundled.slice(0, dynamicImport.index).split('\n').length;
  process.stderr.write(`bundle: dist/lakegen.cjs:${line} calls import(); load that module with require or createRequire\n`);
  process.exit(1);
}

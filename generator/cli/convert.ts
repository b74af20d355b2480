/**
 * `lakegen convert --to ts|yaml <path>`: rewrites definitions from one spelling to the other (a file, or every
 * definition under a folder), keeping comments. Each new file is written atomically before the old is removed.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { typeScriptToYaml } from '../convert/typescript-to-yaml.js';
import { yamlToTypeScript } from '../convert/yaml-to-typescript.js';
import type { DocumentRole } from '../load/source-document.js';
import { writeAtomically } from '../write/output-folder.js';
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliIo } from './io.js';

const EXTENSIONS = { ts: ['.ts'], yaml: ['.yaml', '.yml'] } as const;

export async function convertCommand(path: string | undefined, options: { to?: string }, io: CliIo): Promise<number> {
  const to = options.to;
  if (to !== 'ts' && to !== 'yaml') throw new UsageError('--to must be ts or yaml');
  if (!path) throw new UsageError('name a definition file or folder to convert');
  const absolute = resolve(io.cwd, path);
  if (!existsSync(absolute)) throw new UsageError(`no such file or folder: ${path}`);
  const from = to === 'ts' ? EXTENSIONS.yaml : EXTENSIONS.ts;
  const files = statSync(absolute).isDirectory() ? listFiles(absolute).filter((f) => (from as readonly string[]).includes(extname(f))) : [absolute];
  let failed = 0;
  for (const file of files) {
    const role = roleOf(file);
    const shown = relative(io.cwd, file);
    if (!role) {
      io.stderr(`skipped ${shown}: not a database, schema or table definition\n`);
      continue;
    }
    try {
      const target = join(dirname(file), `${basename(file, extname(file))}.${to === 'ts' ? 'ts' : 'yaml'}`);
      const converted = to === 'ts' ? await parsedTypeScript(yamlToTypeScript(readFileSync(file, 'utf8'), role)) : await typeScriptFileToYaml(file);
      writeAtomically(target, converted);
      rmSync(file);
      io.stdout(`${shown} → ${relative(io.cwd, target)}\n`);
    } catch (error) {
      failed++;
      io.stderr(`cannot convert ${shown}: ${(error as Error).message}\n`);
    }
  }
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

/** The source removed only once its replacement parses: a conversion must never lose a definition. */
async function parsedTypeScript(text: string): Promise<string> {
  const { typescript } = await import('../load/typescript-runner.js');
  const ts = typescript();
  const { diagnostics } = ts.transpileModule(text, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
  const error = diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (error) throw new Error(`the TypeScript written would not parse (${ts.flattenDiagnosticMessageText(error.messageText, ' ')}); the YAML file is kept`);
  return text;
}

async function typeScriptFileToYaml(file: string): Promise<string> {
  const { readTypeScriptDefinition } = await import('../load/typescript-reader.js');
  const result = await readTypeScriptDefinition(file, file);
  if (!result.parsed) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; '));
  return typeScriptToYaml(result.parsed.value, readFileSync(file, 'utf8'));
}

/** The role follows from the layout: <db>/database.*, <db>/schemas/*, <db>/tables/<schema>/*. */
function roleOf(file: string): DocumentRole | undefined {
  const parts = file.split(sep);
  if (basename(file, extname(file)) === 'database') return 'database';
  if (parts[parts.length - 2] === 'schemas') return 'schema';
  if (parts[parts.length - 3] === 'tables') return 'table';
  return undefined;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  }).sort();
}

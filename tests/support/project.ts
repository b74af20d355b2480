/** Temporary projects on disk, and the CLI run in-process against them. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { run } from '../../generator/cli/main.js';

export type ProjectFiles = Record<string, string>;

const created: string[] = [];

export function writeProject(files: ProjectFiles): string {
  const root = mkdtempSync(join(tmpdir(), 'lakegen-test-'));
  created.push(root);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

export function copyToTemp(source: string): string {
  const root = mkdtempSync(join(tmpdir(), 'lakegen-copy-'));
  created.push(root);
  cpSync(source, root, { recursive: true });
  return root;
}

export function removeTempProjects(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    cwd,
    env: { ...env },
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** yaml-language-server line + body, as example files carry it. */
export function yaml(body: string): string {
  return body.replace(/^\n/, '');
}

/** Every file below `dir`, by its path relative to `dir`, with its text. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

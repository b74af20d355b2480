/**
 * The CLI: `run(argv, io)` returns the exit code, so tests call it in-process and the bin only forwards.
 * Exit codes: 0 ok (warnings allowed), 1 invalid definitions / stale output / database failure, 2 usage.
 */
import { relative } from 'node:path';
import { cac, type CAC } from 'cac';
import { packageVersion } from '../util/package-root.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io.js';
import { registerCommands } from './commands.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const cli = cac('lakegen');
  let result: Promise<number> | number | undefined;
  const setResult = (value: Promise<number> | number) => {
    result = value;
  };
  registerCommands(cli, io, setResult);
  cli.help();
  cli.version(packageVersion());

  // cac prints help and version with console.log; route them to io for in-process callers.
  const log = console.log;
  console.log = (...parts: unknown[]) => io.stdout(`${parts.join(' ')}\n`);
  try {
    cli.parse(['node', 'lakegen', ...argv], { run: false });
    if (cli.options.help || cli.options.version) return EXIT_OK;
    if (!cli.matchedCommand) {
      const unknown = cli.args[0];
      if (unknown !== undefined) throw new UsageError(`unknown command \`${unknown}\` (see lakegen --help)`);
      cli.outputHelp();
      return EXIT_USAGE;
    }
    await cli.runMatchedCommand();
    return await (result ?? EXIT_OK);
  } catch (error) {
    return reportError(error, io, cli);
  } finally {
    console.log = log;
  }
}

function reportError(error: unknown, io: CliIo, cli: CAC): number {
  if (error instanceof UsageError || (error instanceof Error && error.name === 'CACError')) {
    io.stderr(`lakegen: ${(error as Error).message}\n`);
    void cli;
    return EXIT_USAGE;
  }
  const fileProblem = fileSystemProblem(error, io.cwd);
  if (fileProblem) {
    io.stderr(`lakegen: ${fileProblem.message}\n`);
    return fileProblem.usage ? EXIT_USAGE : EXIT_FAILURE;
  }
  // An unexpected failure is a bug in lakegen: one line and a pointer, never a bare stack trace.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`lakegen: internal error: ${message}\n(set LAKEGEN_DEBUG=1 for details)\n`);
  if (io.env.LAKEGEN_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
  return EXIT_FAILURE;
}

/**
 * A file-system error on a path the user chose (an output folder that is a file, a generated file replaced by
 * a folder, no permission): said in words with the path. A path of the wrong kind is a usage error (exit 2).
 */
function fileSystemProblem(error: unknown, cwd: string): { message: string; usage: boolean } | undefined {
  const { code, path, syscall } = (error ?? {}) as { code?: string; path?: string; syscall?: string };
  if (typeof code !== 'string' || typeof path !== 'string') return undefined;
  // a temporary name inside the chosen folder is an implementation detail: name the folder
  const shown = relative(cwd, path.replace(/[/\\][^/\\]*\.lakegen-tmp[^/\\]*$/, '')) || '.';
  const reasons: Record<string, [string, boolean]> = {
    ENOTDIR: [`${shown} is not a folder (a file is in the way)`, true],
    EISDIR: [`${shown} is a folder where lakegen writes a file`, true],
    EEXIST: [`${shown} exists already`, true],
    EACCES: [`no permission to ${syscall === 'open' || syscall === 'scandir' ? 'read or write' : syscall ?? 'use'} ${shown}`, false],
    EPERM: [`not permitted to ${syscall ?? 'use'} ${shown}`, false],
    EROFS: [`${shown} is on a read-only file system`, false],
    ENOSPC: [`no space left on the device of ${shown}`, false],
  };
  const reason = reasons[code];
  return reason ? { message: reason[0], usage: reason[1] } : undefined;
}

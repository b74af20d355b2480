import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeProject, type AnalyzedProject } from '../project/analyze.js';
import { locateProject } from '../project/locate.js';
import type { TargetName } from '../project/config.js';
import { UsageError, type CliIo } from './io.js';

/** The project named by a command's path argument (default: the working directory). */
export async function analyzeFromArgument(
  path: string | undefined, io: CliIo, targets?: readonly TargetName[],
): Promise<AnalyzedProject> {
  const target = path ?? '.';
  if (!existsSync(resolve(io.cwd, target))) throw new UsageError(`no such file or folder: ${target}`);
  const location = locateProject(target, io.cwd);
  if (!location) throw new UsageError(`no lakegen project at ${target}`);
  const project = await analyzeProject(location, io.cwd, { cache: !io.env.LAKEGEN_NO_CACHE, targets });
  if (!existsSync(project.definitionsDir)) {
    throw new UsageError(`no definitions folder at ${project.definitionsDir} (run \`lakegen init\` to create a project)`);
  }
  return project;
}

/**
 * `compile --watch`: recompiles when a definition or the config changes, debounced so that a save of several
 * files compiles once. Errors are printed and watching goes on; only changed outputs are rewritten (the
 * writer skips unchanged files). Runs until interrupted.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { CliIo } from '../cli/io.js';
import { CONFIG_FILE } from '../project/config.js';

const DEBOUNCE_MS = 150;

export function watchDefinitions(root: string, definitionsDir: string, compile: () => Promise<number>, io: CliIo): Promise<number> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let running = Promise.resolve();
    const trigger = (reason: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(async () => {
          io.stdout(`change: ${reason}; recompiling\n`);
          try {
            await compile();
          } catch (error) {
            io.stderr(`lakegen: ${(error as Error).message}\n`);
          }
        });
      }, DEBOUNCE_MS);
    };
    const watchers: FSWatcher[] = [
      watch(definitionsDir, { recursive: true }, (_event, file) => {
        // hidden files and folders are never definitions (the loader skips them): .lakegen/cache, .git, editors' swap files
        if (file && String(file).split(/[\\/]/).some((part) => part.startsWith('.'))) return;
        trigger(file ? String(file) : definitionsDir);
      }),
      watch(root, (_event, file) => file === CONFIG_FILE && trigger(join(root, CONFIG_FILE))),
    ];
    io.stdout(`watching ${definitionsDir} (Ctrl-C to stop)\n`);
    const stop = () => {
      for (const watcher of watchers) watcher.close();
      clearTimeout(timer);
      void running.then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

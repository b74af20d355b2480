/**
 * `compile --watch`: recompiles when a definition or the config changes, debounced so that a save of several
 * files compiles once. Errors are printed and watching goes on; only changed outputs are rewritten (the
 * writer skips unchanged files). Runs until interrupted.
 */
import { existsSync, readdirSync, watch, type FSWatcher } from 'node:fs';
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
    const tree = watchTree(definitionsDir, trigger);
    const config = watch(root, (_event, file) => file === CONFIG_FILE && trigger(join(root, CONFIG_FILE)));
    io.stdout(`watching ${definitionsDir} (Ctrl-C to stop)\n`);
    const stop = () => {
      tree.close();
      config.close();
      clearTimeout(timer);
      void running.then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * One watch per folder, not `recursive: true`: on Linux, Node 20's recursive watch loses a file that an editor
 * saves by writing a new file and renaming it over the old one (vim, JetBrains' safe write, `sed -i`). A folder
 * watch sees every such rename; a new folder is watched when it appears, a removed one let go.
 */
function watchTree(top: string, changed: (path: string) => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string) => {
    if (!watchers.has(dir)) {
      try {
        const watcher = watch(dir, (event, file) => {
          // hidden files and folders are never definitions (the loader skips them): .lakegen/cache, .git, swap files
          if (file && String(file).startsWith('.')) return;
          changed(file ? join(dir, String(file)) : dir);
          if (event === 'rename') rescan();
        });
        watcher.on('error', () => watchers.delete(dir)); // the folder went away
        watchers.set(dir, watcher);
      } catch {
        return; // gone before it could be watched
      }
    }
    for (const entry of listFolders(dir)) add(join(dir, entry));
  };
  const rescan = () => {
    for (const [dir, watcher] of watchers) {
      if (!existsSync(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    add(top);
  };
  add(top);
  return { close: () => watchers.forEach((watcher) => watcher.close()) };
}

function listFolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  } catch {
    return [];
  }
}

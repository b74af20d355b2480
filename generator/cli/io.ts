/** What a command may touch of the outside world: tests pass their own, the bin passes the process's. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colours and progress animations only on a terminal. */
  readonly isTTY: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A problem with how the command was called (unknown flag, missing folder): exit code 2. */
export class UsageError extends Error {}

export function useColor(io: CliIo): boolean {
  return io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/** The commands of commands.ts, for the launcher, which must know them without loading the CLI. */
export const COMMAND_NAMES = ['validate', 'compile', 'apply', 'convert', 'init', 'rules'] as const;

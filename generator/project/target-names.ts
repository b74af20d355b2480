/** The targets lakegen compiles, by name: a module of its own, so the checks can know them without the config. */
export const TARGET_NAMES = ['postgres', 'snowflake', 'databricks', 'typescript', 'docs'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

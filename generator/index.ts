/** The package's API: the authoring functions and types for TypeScript definitions. */
export * from './dsl/authoring.js';

// The CLI bundle's optional-modules.ts (see there): the same functions, with require() calls esbuild bundles.
exports.requireYaml = () => require('yaml');
exports.requireCsvParse = () => require('csv-parse/sync');
exports.requireAjvEqual = () => require('ajv/dist/runtime/equal').default;
exports.requireAjvUcs2length = () => require('ajv/dist/runtime/ucs2length').default;

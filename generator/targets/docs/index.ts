import type { Catalog } from '../../model/catalog.js';
import { fileSafeName } from '../../model/naming.js';
import { renderTemplate } from '../shared/render-template.js';
import { generatedHeader, type Target, type TargetOutput } from '../target.js';
import { dictionaryView } from './dictionary.js';

/** A Markdown data dictionary per database, with Mermaid ER diagrams; renders on GitHub as is. */
export const docsTarget: Target = {
  name: 'docs',
  description: 'Markdown data dictionary with Mermaid ER diagrams',
  generate(catalog: Catalog): TargetOutput {
    return {
      diagnostics: [],
      files: catalog.databases.map((database) => ({
        path: `docs/${fileSafeName(database.name)}.md`,
        contents: renderTemplate('docs', 'database.md', {
          header: `<!-- ${generatedHeader('', `definitions/${database.source}`).trim()} -->`,
          ...dictionaryView(database),
        }),
      })),
    };
  },
};

// Loads dist/loader.js (see core/syllabus/yamlApi.ts) the first time YAML must be read.
import type * as YamlApi from '../../core/syllabus/yamlApi';

let loaded: typeof YamlApi | undefined;

/** The YAML loaders, from their own bundle beside dist/extension.js. */
export function yamlLoader(): typeof YamlApi {
  // A computed path: the bundler leaves it alone, so the loaders stay out of the extension bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(`${__dirname}/loader.js`) as typeof YamlApi;
  return loaded;
}

// Bundles the extension (and, with --tests, the test suites) the way the official esbuild sample does.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
/** The webview pages (src/webview/<name>/main.ts, media/<name>.css). */
const WEBVIEWS = ['exam', 'lesson', 'readiness'];

/** Prints errors in the `file:line:col: error:` form VS Code's problem matchers read. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  loader: { '.py': 'text' },
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: watch ? [problemMatcherPlugin] : [],
};

function testEntries(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testEntries(full));
    else if (
      /\.test\.ts$|[\\/](integration|vsix)[\\/](\w+[\\/])?index\.ts$|[\\/]bench[\\/](bench|vscode[\\/]index)\.ts$|[\\/]tools[\\/]\w+\.ts$/.test(
        full,
      )
    )
      found.push(full);
  }
  return found;
}

/**
 * Validates syllabus/*.yaml with the extension's own loader and writes dist/syllabus.json, so
 * activation parses JSON instead of YAML. A syllabus problem fails the build.
 */
async function compileSyllabus() {
  const bundled = await esbuild.build({
    stdin: {
      contents:
        "export * from './src/node/files'; export { formatProblem } from './src/core/syllabus/loader'; export { loadQuestions } from './src/core/exam/questionLoader';",
      resolveDir: __dirname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(module, module.exports, require);
  const { loadSyllabusFolder, readYamlFiles, loadQuestions, formatProblem } = module.exports;
  const syllabus = loadSyllabusFolder('syllabus'); // throws on any problem, failing the build
  fs.mkdirSync('dist', { recursive: true });
  // Wrong solutions and equivalent mutants are for the content gate (which reads the YAML), not for learners.
  function authoringOnly(key, value) {
    const exercise = this && Array.isArray(this.checks);
    return exercise && (key === 'wrong' || key === 'equivalentMutants') ? undefined : value;
  }
  fs.writeFileSync(
    path.join('dist', 'syllabus.json'),
    JSON.stringify({ certifications: syllabus.certifications }, authoringOnly),
  );
  // Question banks go to their own file: only an exam or quiz reads them, never activation.
  const read = readYamlFiles(path.join('syllabus', 'questions'), 'syllabus/questions');
  const bank = loadQuestions(read.sources, syllabus);
  const problems = [...read.problems, ...bank.problems];
  if (problems.length) throw new Error(`question bank problems:\n${problems.map(formatProblem).join('\n')}`);
  fs.writeFileSync(path.join('dist', 'questions.json'), JSON.stringify({ questions: bank.questions }));
}

async function main() {
  await compileSyllabus();
  const builds = [
    {
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      external: ['vscode'],
      // Module-scoped (the bundle is a CommonJS module): when the host started evaluating the bundle.
      banner: { js: '"use strict";\nvar CERT_PATH_BUNDLE_START = Date.now();' }, // the directive must stay first
      minify: production,
    },
    {
      // The YAML loaders (yaml, the JSON Schemas, ajv): required only when YAML is read (packs, Refresh in development).
      ...common,
      entryPoints: ['src/core/syllabus/yamlApi.ts'],
      outfile: 'dist/loader.js',
      minify: production,
    },
    // The webviews' scripts run in the webview, not in Node: dist/<name>.js from src/webview/<name>/main.ts.
    ...WEBVIEWS.map((name) => ({
      ...common,
      platform: 'browser',
      format: 'iife',
      target: 'es2020',
      entryPoints: [`src/webview/${name}/main.ts`],
      outfile: `dist/${name}.js`,
      minify: production,
    })),
  ];
  if (tests) {
    builds.push({
      ...common,
      entryPoints: testEntries('test'),
      outdir: 'out/test',
      outbase: 'test',
      external: ['vscode', 'mocha'],
      sourcemap: true,
    });
  }
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  try {
    for (const ctx of contexts) {
      const result = await ctx.rebuild();
      for (const w of result.warnings) console.warn(`warning: ${w.text}`);
    }
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});

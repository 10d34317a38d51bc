#!/usr/bin/env node
'use strict';
// VSIX install test: the packaged artefact in a fresh profile, not the source tree.
//   1. packages the extension exactly as `npm run package` does (into a temp dir), or takes the
//      VSIX given as the only argument (e.g. the cert-path-<version>.vsix `npm run package` wrote);
//   2. installs it with code-server's own CLI (`--install-extension`) into a private extensions dir;
//   3. starts the real VS Code server on that extensions dir with a fresh profile and an empty
//      workspace folder, and runs out/test/vsix (installed.test.ts) in its extension host. The
//      extension development path is test/vsix/harness, which contributes nothing, so the Cert
//      Path that runs is the installed one.
// Needs test/vscode/install.sh and `node esbuild.js --tests` (npm run test:vsix does both).
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { installVsix } = require('../vscode/server');
const { runIntegration } = require('../vscode/runIntegration');

const root = path.resolve(__dirname, '..', '..');
const suite = path.join(root, 'out', 'test', 'vsix');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

async function main() {
  if (!fs.existsSync(path.join(suite, 'index.js')))
    throw new Error(`${suite}/index.js not found; run \`node esbuild.js --tests\` first`);
  // The interpreter's real binary: the extension host runs with a private HOME, where the pyenv
  // shim would pick another Python.
  const python = execFileSync(process.env.CERT_PATH_PYTHON || 'python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8',
  }).trim();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-path-vsix-'));
  const dir = (name) => {
    const d = path.join(scratch, name);
    fs.mkdirSync(d, { recursive: true });
    return d;
  };
  try {
    let vsix = process.argv[2] && path.resolve(process.argv[2]);
    if (vsix) {
      if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found; build it with \`npm run package\``);
    } else {
      vsix = path.join(scratch, `cert-path-${version}.vsix`);
      console.log(`packaging as \`npm run package\` does, into ${vsix}`);
      execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: root, stdio: 'inherit' });
      // vscode:prepublish left the minified production bundle in dist/: put the development build
      // (with source maps) back for the suites that load the source tree.
      execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
    }
    const bytes = fs.statSync(vsix).size;
    console.log(`VSIX: ${vsix}, ${bytes} bytes (${(bytes / 1024).toFixed(0)} KB)`);

    const extensionsDir = dir('extensions');
    // A private HOME and TMPDIR: code-server's CLI writes its config and logs there, not in ours.
    const cliEnv = { HOME: dir('cli-home'), TMPDIR: dir('cli-tmp') };
    let printed;
    try {
      printed = installVsix({ vsix, extensionsDir, userDataDir: dir('cli-user-data'), env: cliEnv });
    } catch (error) {
      throw new Error(
        `code-server --install-extension failed (exit ${error.status}):\n${error.stdout ?? ''}${error.stderr ?? ''}`,
      );
    }
    console.log(
      `code-server --install-extension: ${printed
        .trim()
        .split('\n')
        .filter((l) => !/config file|^\s*$/i.test(l))
        .join(' | ')}`,
    );
    const installed = fs.readdirSync(extensionsDir).filter((d) => d.startsWith('cert-path.cert-path-'));
    if (installed.length !== 1)
      throw new Error(
        `expected one cert-path.cert-path-* folder in ${extensionsDir}, found: ${fs.readdirSync(extensionsDir).join(', ') || 'nothing'}`,
      );
    console.log(`installed: ${installed[0]}`);

    await runIntegration({
      extensionDevelopmentPath: path.join(__dirname, 'harness'),
      extensionTestsPath: suite,
      workspaceFolder: dir('workspace'),
      extensionsDir,
      env: {
        CERT_PATH_TEST_PYTHON: python,
        CERT_PATH_VSIX_EXTENSIONS_DIR: extensionsDir,
        CERT_PATH_VSIX_VERSION: version,
        CERT_PATH_REPO: root,
      },
    });
    return 0;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`VSIX install test failed: ${error.message ?? error}`);
    process.exit(typeof error.code === 'number' ? error.code : 1);
  },
);

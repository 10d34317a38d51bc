#!/usr/bin/env bash
# The whole test suite: type-check, lint, build, unit tests, content tests with a real Python, and
# integration tests inside a real VS Code. Installs the VS Code build it needs (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "Debian packages and the VS Code test build"
bash test/setup/system.sh
bash test/vscode/install.sh

step "Services for the tests (a private Xvfb display and MariaDB server)"
source test/setup/services.sh

step "Type-check (tsc --noEmit, strict; the webview script with DOM types)"
npx tsc -p .
npx tsc -p src/webview

step "Lint (ESLint with type information: layers, promises, sizes) and Prettier"
npm run --silent lint

step "Build extension and tests"
node esbuild.js
node esbuild.js --tests

step "Unit tests (mocha, no VS Code)"
npx mocha --reporter dot 'out/test/unit/**/*.test.js'

step "Content tests (every Python 3.8+ found; database exercises also against MariaDB)"
npx mocha --reporter dot --timeout 600000 'out/test/content/**/*.test.js'

step "Integration tests (real VS Code extension host)"
node test/integration/run.js 2>&1 | grep -v -e 'Ignoring fetching additional builtin extensions' -e '^\[AccountPolicyGate\]'

step "VSIX install test (packaged artefact in a fresh profile)"
node test/vsix/run.js 2>&1 | grep -v -e 'Ignoring fetching additional builtin extensions' -e '^\[AccountPolicyGate\]'

step "UI test (real browser: VS Code + headless Chromium, screenshots in test-results/ui/)"
node test/ui/run.js

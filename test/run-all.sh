#!/usr/bin/env bash
# The whole test suite: type-check, build, unit tests, content tests with a real Python, and
# integration tests inside a real VS Code. Installs the VS Code build it needs (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "VS Code test build"
bash test/vscode/install.sh

step "Type-check (tsc --noEmit, strict)"
npx tsc -p .

step "Core never imports vscode"
if grep -rn "from 'vscode'\|require('vscode')" src/core; then echo "src/core must not import vscode"; exit 1; fi
echo "ok: no vscode import in src/core"

step "Build extension and tests"
node esbuild.js
node esbuild.js --tests

step "Unit tests (mocha, no VS Code)"
npx mocha --reporter dot 'out/test/unit/**/*.test.js'

step "Content tests (real Python: $(${CERT_PATH_PYTHON:-python3} --version 2>&1))"
npx mocha --reporter dot --timeout 600000 'out/test/content/**/*.test.js'

step "Integration tests (real VS Code extension host)"
node test/integration/run.js 2>&1 | grep -v -e 'Ignoring fetching additional builtin extensions' -e '^\[AccountPolicyGate\]'

step "UI test (real browser: VS Code + headless Chromium, screenshots in test-results/ui/)"
node test/ui/run.js

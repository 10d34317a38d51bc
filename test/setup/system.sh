#!/usr/bin/env bash
# Debian packages the tests need beyond Node: chromium, xvfb and libkrb5-dev (VS Code under test);
# python3-tk, python3-numpy, python3-matplotlib and python3-pymysql (PCPP exercises on Debian's
# python3); mariadb-server (database exercises against a real server). Idempotent.
set -euo pipefail
wanted=(chromium xvfb libkrb5-dev python3-tk python3-numpy python3-matplotlib python3-pymysql mariadb-server)
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "[setup] Debian packages already installed: ${wanted[*]}"
  exit 0
fi
echo "[setup] apt: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"

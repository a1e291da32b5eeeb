#!/usr/bin/env bash
# ===- install.sh - install test/ts's pinned npm packages -----------------===#
#
# Runs `npm ci` in test/ts when node_modules is missing or older than
# package-lock.json (else does nothing, quickly). better-sqlite3 is built
# from source against the Node headers in /usr/include/node (the nodejs
# package ships them): its prebuilt binaries cannot be downloaded here, and
# npm_config_nodedir=/usr keeps node-gyp from fetching headers. Needs node
# >= 20 and npm, a C++ compiler and python3; without node it says so and
# does nothing. test/lit.cfg.py's feature `node` is present once this has
# run. See docs/testing.md.
#
# ===----------------------------------------------------------------------===#
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "test/ts/install.sh: node or npm is missing; the tests that need" \
    "them (REQUIRES: node) will be unsupported" >&2
  exit 0
fi
stamp=node_modules/.package-lock.json
if [[ -f $stamp && $stamp -nt package-lock.json ]] &&
  node -e 'require("better-sqlite3")' 2>/dev/null; then
  exit 0
fi
if [[ -z ${npm_config_nodedir:-} && -f /usr/include/node/node.h ]]; then
  export npm_config_nodedir=/usr
fi
npm ci --no-audit --no-fund --loglevel=error

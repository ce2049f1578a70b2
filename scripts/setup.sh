#!/usr/bin/env bash
# Set up gongkai in ./.venv from the pinned lock files.
#   scripts/setup.sh         runtime dependencies
#   scripts/setup.sh --dev   plus test and lint tools
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    echo "gongkai needs Python 3.11 or newer (found: $("$PYTHON" --version 2>&1 || echo none))" >&2
    exit 1
fi

lock=requirements/lock.txt
[[ "${1:-}" == "--dev" ]] && lock=requirements/lock-dev.txt

if [[ ! -x .venv/bin/python ]]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$lock"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .

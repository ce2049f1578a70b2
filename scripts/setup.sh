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

# Debian packages (requirements/apt.txt): install the pinned version of any that is missing.
missing=()
while read -r spec; do
    [[ -z "$spec" || "$spec" == \#* ]] && continue
    pkg="${spec%%=*}"
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$spec")
done < requirements/apt.txt
if (( ${#missing[@]} )); then
    echo "Installing Debian packages: ${missing[*]}"
    SUDO=""
    [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
        # a pinned version superseded by a Debian security update: take the current one, and say so
        echo "warning: pinned versions unavailable, installing current: ${missing[*]%%=*}" >&2
        $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]%%=*}" >/dev/null
    fi
fi

lock=requirements/lock.txt
[[ "${1:-}" == "--dev" ]] && lock=requirements/lock-dev.txt

if [[ ! -x .venv/bin/python ]]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$lock"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .

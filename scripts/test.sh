#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, then runs them.
# This is the README's test command; .ci/run runs exactly this.
# apt-get needs root: run it as root, or it asks sudo for the system packages.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# System packages: headless Chromium (browser tests, PDF printing),
# LibreOffice (opens the Word redlines and the matrix CSV), poppler (looks at PDFs).
# Installed with Debian's recommended packages (fonts among them), as tested.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
# Calc opens the matrix CSV export the way an advocate's spreadsheet would.
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" fonts-dejavu-core
fi

# Everything goes into the virtual environment .venv/, never into the system's Python (which
# a stock Debian/Ubuntu refuses anyway, PEP 668); python3-venv is installed first where missing.
# The tests, the benchmarks (bench/) and `.venv/bin/lawdiff` then run from it.
if ! python3 -c 'import ensurepip' 2>/dev/null; then
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
fi
[ -x .venv/bin/pip ] || python3 -m venv .venv
python=.venv/bin/python
"$python" -m pip install -q --disable-pip-version-check -e '.[test]'

# axe-core (accessibility checks the browser tests inject into each page), from npm
# into the git-ignored .cache/npm.
if [ ! -f .cache/npm/node_modules/axe-core/axe.min.js ]; then
    command -v npm >/dev/null 2>&1 || { as_root apt-get update -q; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm; }
    npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4
fi

# One worker per core (at most 4), each taking whole test files, so a file's module fixtures
# (a built site, a browser) are made once.
"$python" -m pytest --numprocesses auto --maxprocesses 4 --dist loadfile "$@"

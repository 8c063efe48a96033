#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, then runs them.
# This is the README's test command; .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

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
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" fonts-dejavu-core
fi

python3 -m pip install -q --disable-pip-version-check -e '.[test]'

# axe-core (accessibility checks the browser tests inject into each page), from npm
# into the git-ignored .cache/npm.
if [ ! -f .cache/npm/node_modules/axe-core/axe.min.js ]; then
    command -v npm >/dev/null 2>&1 || { apt-get update -q; DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm; }
    npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4
fi

python3 -m pytest "$@"

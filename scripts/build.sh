#!/usr/bin/env bash
# Installs what `lawdiff build` needs on a fresh machine, then builds the site of the
# shipped corpus into build/ (arguments go to `lawdiff build`: --out DIR, --no-pdf ...).
# This is the README's build command.  apt-get needs root: run it as root, or it asks sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Headless Chromium prints each redline's PDF (with Debian's recommended packages, fonts
# among them, and DejaVu, as scripts/test.sh installs it for the tests).  Without it the
# site is still built, without PDFs, and `lawdiff build` says so.
# Another apt-get or an unattended upgrade may hold the package manager's lock: wait for it
# (up to 10 minutes) rather than fail at once.
APT_WAIT=(-o DPkg::Lock::Timeout=600)
if [ -z "${LAWDIFF_CHROMIUM:-}" ] && [[ " $* " != *" --no-pdf "* ]] && ! command -v chromium >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        as_root apt-get "${APT_WAIT[@]}" update -q \
            && as_root env DEBIAN_FRONTEND=noninteractive apt-get "${APT_WAIT[@]}" install -y -q chromium fonts-dejavu-core \
            || command -v chromium >/dev/null 2>&1 \
            || echo "scripts/build.sh: could not install chromium; the site is built without the redlines' PDFs" >&2
    else
        echo "scripts/build.sh: no apt-get to install chromium with: install it yourself (or set LAWDIFF_CHROMIUM) for the redlines' PDFs" >&2
    fi
fi

# A virtual environment, as a stock Debian or Ubuntu Python requires (PEP 668).
if ! python3 -c 'import ensurepip' 2>/dev/null; then
    as_root apt-get "${APT_WAIT[@]}" update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get "${APT_WAIT[@]}" install -y -q python3-venv
fi
[ -x .venv/bin/pip ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check .
.venv/bin/lawdiff build "$@"

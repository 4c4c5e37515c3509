#!/usr/bin/env bash
# Install what the project needs from the system, on a fresh Debian/Ubuntu
# machine, only when it is missing. Usage: ensure-system.sh python|node|chromium
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

apt_install() {
  if ! command -v apt-get >/dev/null; then
    echo "error: $* missing and this is not a Debian/Ubuntu system; install it by hand." >&2
    exit 1
  fi
  echo "Installing from Debian/Ubuntu packages: $*"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

os_id() { (. /etc/os-release 2>/dev/null && echo "${ID:-unknown}") || echo unknown; }

case "${1:-}" in
  python)
    if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
      apt_install python3 python3-venv python3-pip
    fi
    ;;
  node)
    if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
      apt_install nodejs npm
    fi
    ;;
  chromium)
    # The browser tests use a system Chromium (see tests/e2e/browser.py).
    if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
    for candidate in chromium chromium-browser google-chrome; do
      if command -v "$candidate" >/dev/null; then exit 0; fi
    done
    if [ "$(os_id)" = debian ]; then
      apt_install chromium
    else
      # Ubuntu's chromium package is a snap stub: use Playwright's own build.
      .venv/bin/playwright install --with-deps chromium
    fi
    ;;
  *)
    echo "usage: $0 python|node|chromium" >&2
    exit 2
    ;;
esac

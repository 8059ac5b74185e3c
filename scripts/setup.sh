#!/usr/bin/env bash
# Set up this checkout on Debian 12 / Python 3.11: system packages (only those missing),
# a virtual environment in .venv and the application installed into it.
#   scripts/setup.sh          the application
#   scripts/setup.sh --test   the application and everything the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

# Qt (PySide6 wheels) needs these shared libraries; fonts so Chinese shows on screen.
packages=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
          libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 fonts-wqy-microhei)
if [ "$want_tests" = 1 ]; then
  # pdftotext/pdffonts/pdftoppm for the document tests, UKai (a font with an empty 䶮 glyph) for
  # the font-fallback tests, Xvfb for real-window screenshots, PostgreSQL (initdb/pg_ctl) for the
  # district tests, which start a throwaway server on loopback; the stock age tool for the
  # exported-identity test (a district officer decrypting a package without this program).
  packages+=(poppler-utils fonts-arphic-ukai xvfb xauth postgresql age)
  # tests/installer: build tools of installer/build.sh, Wine (64-bit) and mingw-w64 (a test-only
  # shim DLL for Wine 8), and the Debian packages the .deb depends on, so that dpkg -i works.
  packages+=(nsis osslsigncode p7zip-full dpkg-dev wine64 gcc-mingw-w64-x86-64-win32 python3.11-venv)
  mapfile -t deb_depends < <(grep -v '^#' installer/linux/depends.txt | grep . | sed 's/ *(.*//')
  packages+=("${deb_depends[@]}")
fi
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "请以 root 身份安装这些系统软件包后重试：${missing[*]}" >&2; exit 1
  fi
  echo "安装系统软件包：${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
if [ "$want_tests" = 1 ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,postgres]'
else
  .venv/bin/python -m pip install -q --disable-pip-version-check -e .
fi

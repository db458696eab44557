#!/bin/sh
# Installs every Debian 12 package aicp needs to build, test and run its
# console. Idempotent; run as root.
set -eu

packages="
  cmake ninja-build g++ pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-httpserver-dev
  qt6-svg-dev qt6-qpa-plugins qt6-wayland qt6-l10n-tools
  qt6-websockets-dev wrk
  libsqlite3-dev libssl-dev sqlite3 openssl
  libpq-dev postgresql
  libgl-dev libxkbcommon-dev fonts-dejavu-core
  xvfb xauth
  clang libclang-rt-14-dev clang-tidy clang-format
  ccache dpkg-dev desktop-file-utils appstream gzip file man-db
  poppler-utils
"

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps.sh: run as root (or through sudo)" >&2
    exit 1
fi

missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -z "$missing" ]; then
    echo "install-deps.sh: all packages already installed"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086  # the list is meant to split into words
apt-get install -y -qq --no-install-recommends $missing

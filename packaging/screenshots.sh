#!/bin/sh
# Regenerates the console screenshots: a fresh demo workspace from the build's
# own `aicp demo`, made for a fixed instant (AICP_DEMO_NOW) so the pictures
# are the same on every run, every page at 1280x800 under Xvfb, saved as
# docs/screenshots/<page>.png (the README's), with the dialogs, the welcome,
# the dark palette and German in subfolders (see tests/ui/shoot_pages.cpp).
#   packaging/screenshots.sh [BUILD_DIR [OUT_DIR]]
# BUILD_DIR defaults to build/debug and must have built `aicp` and
# `shoot_pages` (cmake --build BUILD_DIR --target aicp shoot_pages).
set -eu

repo=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
build=${1:-build/debug}
out=${2:-$repo/docs/screenshots}
case $build in /*) ;; *) build=$repo/$build ;; esac

aicp=$build/app/aicp/aicp
shoot=$build/tests/ui/shoot_pages
for tool in "$aicp" "$shoot"; do
    if [ ! -x "$tool" ]; then
        echo "screenshots.sh: $tool is missing; build it first:" >&2
        echo "  cmake --build $build --target aicp shoot_pages" >&2
        exit 1
    fi
done
if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "screenshots.sh: xvfb-run is missing (packaging/install-deps.sh installs it)" >&2
    exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
# Qt wants a private runtime folder; without one it warns on every run.
XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$scratch}
export XDG_RUNTIME_DIR
# The demo's last day of usage; the pages' "now" is the same instant.
AICP_DEMO_NOW=2026-11-25T12:00:00Z
export AICP_DEMO_NOW
"$aicp" demo --db "$scratch/demo.aicp" >/dev/null
# Under Xvfb: the fonts and rendering of a real X display, at a fixed size.
# Run from the scratch folder, so the status bar names just "demo.aicp"; the
# PNGs go there first, so a failure leaves the committed ones untouched.
(cd "$scratch" && xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$shoot" --db demo.aicp --out shots --customer initech --month 2026-11 >/dev/null)
mkdir -p "$out"
cp -R "$scratch"/shots/. "$out"/
count=$(find "$scratch/shots" -name '*.png' | wc -l)
echo "screenshots.sh: wrote $count screenshots to $out"

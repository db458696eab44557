#!/bin/sh
# The static checks CI runs beside the tests: every tracked C++ file is
# formatted as .clang-format says (nothing is rewritten; a difference fails),
# and clang-tidy runs the checks of .clang-tidy — functions that fit on a
# screen, the bugprone set — over every source file of core/, app/ and ui/.
# Needs a configured build folder for its compile_commands.json:
#
#   ./packaging/lint.sh [BUILD_DIR]      (default build/debug)
set -eu
cd "$(dirname "$0")/.."

build="${1:-build/debug}"
fail() {
    echo "lint.sh: $*" >&2
    exit 1
}
[ -f "$build/compile_commands.json" ] ||
    fail "no $build/compile_commands.json; configure first (cmake --preset debug)"
command -v clang-format >/dev/null || fail "clang-format is missing (packaging/install-deps.sh)"
command -v run-clang-tidy >/dev/null || fail "run-clang-tidy is missing (packaging/install-deps.sh)"

echo "== clang-format --dry-run -Werror"
git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run -Werror

echo "== clang-tidy (core, app, ui)"
# clang-tidy reads the sources without the build's precompiled headers (GCC
# made them; clang cannot read them), so a file that forgets an include
# fails here too.
commands="$(mktemp -d)"
trap 'rm -rf "$commands"' EXIT
sed -E 's# -Winvalid-pch##g; s# -include [^ ]*cmake_pch\.hxx##g' \
    "$build/compile_commands.json" >"$commands/compile_commands.json"
# Files generated into the build folder (moc, resources) are not ours to lint.
run-clang-tidy -p "$commands" -quiet -extra-arg=-Wno-unknown-warning-option -j "$(nproc)" "^$(pwd)/(core|app|ui)/.*\.cpp$" >"$build/clang-tidy.log" 2>&1 || {
    grep -E 'error:|warning:' "$build/clang-tidy.log" | sort -u >&2
    fail "clang-tidy found problems (all of its output: $build/clang-tidy.log)"
}
echo "lint.sh: format and clang-tidy clean"

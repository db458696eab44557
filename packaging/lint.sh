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
# GCC made the build's precompiled headers and clang cannot read them, so
# each target's header is compiled again by clang, with the target's own
# flags, and the target's sources read it: parsing Qt once per target, not
# once per file, takes a quarter off the run. A target whose header clang
# cannot build is read without one. Either way a file that forgets an
# include still fails the build, not this check.
commands="$(mktemp -d)"
trap 'rm -rf "$commands"' EXIT
python3 - "$build/compile_commands.json" "$commands" <<'EOF'
import json, os, shlex, subprocess, sys

source, folder = sys.argv[1], sys.argv[2]
linted = tuple(os.path.join(os.getcwd(), part) + "/" for part in ("core", "app", "ui"))
headers = {}  # GCC's cmake_pch.hxx -> clang's .pch, or None when it failed


def clang_header(hxx, arguments, directory):
    if hxx not in headers:
        pch = os.path.join(folder, "%d.pch" % len(headers))
        flags = []
        skip = False
        for argument in arguments[1:]:
            if skip:
                skip = False
            elif argument in ("-o", "-c", "-include"):
                skip = True
            elif argument != "-Winvalid-pch":
                flags.append(argument)
        made = subprocess.run(
            ["clang++"] + flags + ["-Wno-unknown-warning-option",
                                   "-Wno-pragma-system-header-outside-header",
                                   "-x", "c++-header", hxx, "-o", pch],
            cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        headers[hxx] = pch if made.returncode == 0 else None
    return headers[hxx]


entries = []
for entry in json.load(open(source)):
    arguments = [a for a in shlex.split(entry["command"]) if a != "-Winvalid-pch"]
    if "-include" in arguments:
        at = arguments.index("-include")
        if arguments[at + 1].endswith("cmake_pch.hxx"):
            pch = None
            if entry["file"].startswith(linted):
                pch = clang_header(arguments[at + 1], arguments, entry["directory"])
            arguments[at:at + 2] = ["-include-pch", pch] if pch else []
    entries.append({"directory": entry["directory"], "arguments": arguments,
                    "file": entry["file"]})
json.dump(entries, open(os.path.join(folder, "compile_commands.json"), "w"), indent=1)
EOF
# Files generated into the build folder (moc, resources) are not ours to lint.
run-clang-tidy -p "$commands" -quiet -extra-arg=-Wno-unknown-warning-option -j "$(nproc)" "^$(pwd)/(core|app|ui)/.*\.cpp$" >"$build/clang-tidy.log" 2>&1 || {
    grep -E 'error:|warning:' "$build/clang-tidy.log" | sort -u >&2
    fail "clang-tidy found problems (all of its output: $build/clang-tidy.log)"
}
echo "lint.sh: format and clang-tidy clean"

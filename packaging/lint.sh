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
command -v clang-tidy >/dev/null || fail "clang-tidy is missing (packaging/install-deps.sh)"

echo "== clang-format --dry-run -Werror"
git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run -Werror

echo "== clang-tidy (core, app, ui)"
# clang-tidy's matchers walk every declaration of a translation unit, Qt's
# headers too, before the findings are filtered to ours: that walk, not our
# code, was two thirds of the check. So the sources of one target are read
# eight at a time, as one unit that includes them (a finding still names
# the file and line it is in), and the headers are walked once per eight
# files. A batch whose files do not compile together (two define the same
# helper) is read again file by file. Each target's precompiled header was
# made by GCC, which clang cannot read, so clang compiles it again with the
# target's flags; a target whose header clang cannot build is read without.
# A file that forgets an include still fails the build, not this check.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$build/compile_commands.json" "$work" "$(nproc)" >"$build/clang-tidy.log" 2>&1 <<'EOF' || {
import concurrent.futures, json, os, shlex, subprocess, sys

source, folder, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
linted = tuple(os.path.join(os.getcwd(), part) + "/" for part in ("core", "app", "ui"))
batch_size = 8
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
            else:
                flags.append(argument)
        made = subprocess.run(
            ["clang++"] + flags + ["-Wno-unknown-warning-option",
                                   "-Wno-pragma-system-header-outside-header",
                                   "-x", "c++-header", hxx, "-o", pch],
            cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        headers[hxx] = pch if made.returncode == 0 else None
    return headers[hxx]


def flags_of(arguments, file):
    """The command without its input and output: what a batch shares."""
    kept, skip = [], False
    for argument in arguments:
        if skip:
            skip = False
        elif argument in ("-o", "-c"):
            skip = True
        elif argument != file:
            kept.append(argument)
    return kept


groups = {}  # (directory, flags) -> files
for entry in json.load(open(source)):
    if not entry["file"].startswith(linted) or not entry["file"].endswith(".cpp"):
        continue  # moc and resource files are generated, not ours
    arguments = [a for a in shlex.split(entry["command"]) if a != "-Winvalid-pch"]
    if "-include" in arguments:
        at = arguments.index("-include")
        if arguments[at + 1].endswith("cmake_pch.hxx"):
            pch = clang_header(arguments[at + 1], arguments, entry["directory"])
            arguments[at:at + 2] = ["-include-pch", pch] if pch else []
    key = (entry["directory"], tuple(flags_of(arguments, entry["file"])))
    groups.setdefault(key, []).append(entry["file"])

units, commands = [], []
for (directory, flags), files in groups.items():
    files.sort()
    for start in range(0, len(files), batch_size):
        part = files[start:start + batch_size]
        unit = os.path.join(folder, "batch%d.cpp" % len(units))
        with open(unit, "w") as out:
            out.writelines('#include "%s"\n' % f for f in part)
        units.append((unit, part))
        for f in [unit] + part:
            commands.append({"directory": directory, "file": f,
                             "arguments": list(flags) + ["-c", f]})
json.dump(commands, open(os.path.join(folder, "compile_commands.json"), "w"), indent=1)


def tidy(file):
    run = subprocess.run(["clang-tidy", "--config-file=.clang-tidy", "-p", folder, "-quiet",
                          "-extra-arg=-Wno-unknown-warning-option", file],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return run.returncode, run.stdout


def check(unit):
    path, files = unit
    status, output = tidy(path)
    if status == 0 or "[clang-diagnostic-error]" not in output or len(files) == 1:
        return status, output
    results = [tidy(f) for f in files]  # do not compile together: one by one
    apart.append(path)
    return max(r[0] for r in results), "".join(r[1] for r in results)


failed = False
apart = []
with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
    for status, output in pool.map(check, units):
        if status != 0:
            failed = True
            print(output)
print("%d files in %d units, %d of them read file by file"
      % (sum(len(u[1]) for u in units), len(units), len(apart)))
sys.exit(1 if failed else 0)
EOF
    grep -E 'error:|warning:' "$build/clang-tidy.log" | sort -u >&2
    fail "clang-tidy found problems (all of its output: $build/clang-tidy.log)"
}
echo "lint.sh: format and clang-tidy clean"

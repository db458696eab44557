#!/bin/sh
# Checks the Debian package and the `cmake --install` tree the way a user
# gets them: validates the desktop entry, the AppStream metadata and the man
# page, installs the .deb with apt and runs the installed programs, then
# removes it again so the machine is left as it was. Run as root from the
# repository root after `cmake --workflow --preset package`:
#
#   ./packaging/check-package.sh [BUILD_DIR]      (default build/package)
set -eu
cd "$(dirname "$0")/.."

build="${1:-build/package}"
app_id=io.aicp.console
sizes="16 32 48 64 128 256"

fail() {
    echo "check-package.sh: $*" >&2
    exit 1
}
step() {
    echo "== $*"
}

[ "$(id -u)" -eq 0 ] || fail "run as root (it installs and removes the package)"
[ -d "$build" ] || fail "no build folder $build; run 'cmake --workflow --preset package' first"

set -- "$build"/aicp_*.deb
if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then
    fail "expected exactly one aicp_*.deb in $build, found: $*"
fi
deb="$(realpath "$1")"

work="$(mktemp -d)"
installed_here=no
cleanup() {
    if [ "$installed_here" = yes ]; then
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq aicp >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Checks one installed tree (a prefix or /usr): every data file in place and valid.
check_tree() {
    root="$1"
    for f in bin/aicp bin/aicp-console; do
        [ -x "$root/$f" ] || fail "$root/$f is missing or not executable"
    done
    desktop-file-validate "$root/share/applications/$app_id.desktop" ||
        fail "desktop-file-validate rejects $root/share/applications/$app_id.desktop"
    appstreamcli validate --no-net --pedantic "$root/share/metainfo/$app_id.metainfo.xml" ||
        fail "appstreamcli rejects $root/share/metainfo/$app_id.metainfo.xml"
    [ -s "$root/share/icons/hicolor/scalable/apps/$app_id.svg" ] || fail "the scalable icon is missing"
    for s in $sizes; do
        png="$root/share/icons/hicolor/${s}x${s}/apps/$app_id.png"
        [ -s "$png" ] || fail "$png is missing"
        file -b "$png" | grep -q "PNG image data, $s x $s," || fail "$png is not a $s x $s PNG"
    done
    for page in aicp aicp-console; do
        man_page="$root/share/man/man1/$page.1.gz"
        [ -s "$man_page" ] || fail "$man_page is missing"
        gzip -t "$man_page" || fail "$man_page is not a valid gzip file"
        # The check lintian makes: groff must format the page without a warning.
        warnings="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$man_page" 2>&1 >/dev/null)"
        [ -z "$warnings" ] || fail "man reports problems in $man_page: $warnings"
    done
}

step "package contents and metadata ($deb)"
dpkg-deb --field "$deb" Package Version Section Installed-Size Depends Recommends
dpkg-deb --contents "$deb" | awk '{print $NF}' | grep -v '/$'

step "cmake --install $build --prefix $work/prefix"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
check_tree "$work/prefix"
"$work/prefix/bin/aicp" --version
"$work/prefix/bin/aicp-console" --version

step "apt-get install $deb"
if dpkg-query -W -f='${Status}' aicp 2>/dev/null | grep -q "install ok installed"; then
    fail "aicp is already installed; remove it first (apt-get remove aicp) so this check starts clean"
fi
installed_here=yes
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
check_tree /usr
man -w aicp >/dev/null || fail "man -w aicp does not find the installed page"
man -w aicp-console >/dev/null || fail "man -w aicp-console does not find the installed page"

step "run the installed programs"
[ "$(command -v aicp)" = /usr/bin/aicp ] || fail "aicp on PATH is $(command -v aicp), not /usr/bin/aicp"
version="$(/usr/bin/aicp --version)"
echo "$version"
echo "$version" | grep -q "0\.1\.0" || fail "aicp --version printed '$version'"
/usr/bin/aicp-console --version
/usr/bin/aicp demo --db "$work/demo.aicp" || fail "aicp demo exited with status $?"
[ -s "$work/demo.aicp" ] || fail "aicp demo did not create $work/demo.aicp"
/usr/bin/aicp --db "$work/demo.aicp" usage summary --customer acme-corp --month 2026-11 >/dev/null ||
    fail "aicp usage summary on the demo workspace failed"
# The console must get as far as its event loop (platform plugin, workspace,
# main window): still running after 10 s is the success here.
status=0
QT_QPA_PLATFORM=offscreen timeout 10 /usr/bin/aicp-console --db "$work/demo.aicp" || status=$?
[ "$status" -eq 124 ] || fail "aicp-console exited with status $status within 10 s on the demo workspace"
echo "aicp-console ran 10 s on the demo workspace (offscreen)"

step "apt-get remove aicp"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq aicp >/dev/null
installed_here=no
[ ! -e /usr/bin/aicp ] || fail "/usr/bin/aicp is still there after removal"
[ ! -e "/usr/share/applications/$app_id.desktop" ] || fail "the desktop entry is still there after removal"

echo "check-package.sh: the package and the install tree are good"

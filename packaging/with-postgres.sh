#!/bin/sh
# Runs a command beside a throwaway PostgreSQL cluster, never the machine's
# own: initdb in a temporary folder, listening only on a Unix socket there,
# run as an unprivileged user (nobody, when called as root), stopped and
# removed when the command ends, however it ends. The command finds the
# cluster in AICP_TEST_POSTGRES, a postgresql:// URI of its maintenance
# database; tests make a database of their own beside it.
#
#   ./packaging/with-postgres.sh ctest --preset release-postgres
set -eu

bin="${AICP_PG_BIN:-/usr/lib/postgresql/15/bin}"
port="${AICP_PG_PORT:-5499}"
[ -x "$bin/initdb" ] || {
    echo "with-postgres.sh: no $bin/initdb; install postgresql (packaging/install-deps.sh)" >&2
    exit 1
}

tmp="$(mktemp -d /tmp/aicp-pg.XXXXXX)"
owner="$(id -un)"
as_owner() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root.
    chown nobody "$tmp"
    as_owner() { setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; }
fi

stop() {
    as_owner "$bin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap stop EXIT
trap 'exit 130' INT TERM

as_owner mkdir "$tmp/sock"
as_owner "$bin/initdb" -D "$tmp/data" -A trust -U "$owner" -E UTF8 --locale=C.UTF-8 \
    >"$tmp/initdb.log" 2>&1 || {
    cat "$tmp/initdb.log" >&2
    exit 1
}
as_owner "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
    -o "-k $tmp/sock -p $port -c listen_addresses= -c fsync=off -c max_connections=200" \
    start >/dev/null || {
    cat "$tmp/server.log" >&2
    exit 1
}

export AICP_TEST_POSTGRES="postgresql:///postgres?host=$tmp/sock&port=$port"
echo "with-postgres.sh: PostgreSQL at $AICP_TEST_POSTGRES"
status=0
"$@" || status=$?
exit "$status"

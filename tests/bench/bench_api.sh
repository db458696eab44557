#!/bin/sh
# Load test of `aicp serve` with wrk: GET /api/pricing/usage and POST
# /api/pricing/licenses/validate against a demo workspace, each 30 s at 64
# connections (--quick: 3 s at 8), printing requests/s, latency p50/p99 and
# errors. Run it on a release build:
#   tests/bench/bench_api.sh build/release/app/aicp/aicp [--quick]
# Exit status 77 (skipped) when wrk is not installed.
set -eu

aicp=${1:?usage: bench_api.sh PATH/TO/aicp [--quick]}
duration=30s
connections=64
threads=2
if [ "${2:-}" = "--quick" ]; then
  duration=3s
  connections=8
fi
command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed; skipped"; exit 77; }

work=$(mktemp -d)
server=
port=
cleanup() {
  # SIGTERM only once it is listening: a signal sent between the fork and
  # the exec of `aicp` is lost with the shell's own trap, and `wait` would
  # wait for ever. Before that, SIGKILL.
  if [ -n "$server" ]; then
    if [ -n "$port" ]; then kill -TERM "$server" 2>/dev/null || true
    else kill -KILL "$server" 2>/dev/null || true; fi
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$aicp" demo --db "$work/demo.aicp" >/dev/null
token=$("$aicp" --db "$work/demo.aicp" tokens create --role read --name bench 2>/dev/null)
: >"$work/out"  # there before the first read, however late the server starts
"$aicp" serve --db "$work/demo.aicp" --listen 127.0.0.1:0 >"$work/out" 2>/dev/null &
server=$!
for _ in $(seq 1 100); do
  port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/out")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "aicp serve did not start"; exit 1; }
base="http://127.0.0.1:$port/api/pricing"

# The newest license of the demo workspace, validated over and over.
id=$("$aicp" --db "$work/demo.aicp" license list --json |
     sed -n 's/^ *"id": "\([0-9a-f-]\{36\}\)".*/\1/p' | head -1)
license=$("$aicp" --db "$work/demo.aicp" license show "$id" --json |
          sed -n 's/^ *"key": "\(AICP1[^"]*\)".*/\1/p' | head -1)
[ -n "$license" ] || { echo "no license key found in the demo workspace"; exit 1; }

cat >"$work/validate.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"license":"$license"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
LUA

report() {
  # wrk --latency prints "50%  1.23ms" lines, "Requests/sec:" and, when
  # any, "Non-2xx or 3xx responses:" and "Socket errors:".
  name=$1
  file=$2
  rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$file")
  p50=$(sed -n 's/^ *50% *\([0-9.]*[a-z]*\).*/\1/p' "$file")
  p99=$(sed -n 's/^ *99% *\([0-9.]*[a-z]*\).*/\1/p' "$file")
  non2xx=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$file")
  socket=$(sed -n 's/^ *Socket errors: *\(.*\)$/\1/p' "$file")
  printf '%-34s %10s req/s  p50 %-9s p99 %-9s errors: %s non-2xx%s\n' "$name" "$rps" "$p50" \
    "$p99" "${non2xx:-0}" "${socket:+, socket $socket}"
}

echo "aicp serve, wrk $duration, $connections connections, $threads threads"
wrk -t"$threads" -c"$connections" -d"$duration" --latency \
  -H "Authorization: Bearer $token" \
  "$base/usage?customer=acme-corp&from=2026-10-01&to=2026-10-31&window=day" >"$work/usage.txt"
report "GET usage (31 days)" "$work/usage.txt"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/validate.lua" \
  "$base/licenses/validate" >"$work/validate.txt"
report "POST licenses/validate" "$work/validate.txt"

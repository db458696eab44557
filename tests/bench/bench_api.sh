#!/bin/sh
# Load test of `aicp serve` with wrk: GET /api/pricing/usage and POST
# /api/pricing/licenses/validate against a demo workspace, each 30 s at 64
# connections (--quick: 3 s at 8); the validations rotate through 200
# licenses issued for the run (--quick: 20), printing requests/s, latency p50/p99 and
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

# Licenses validated in rotation, as a fleet of gateways presents them: the
# demo workspace's signing key issues them (its passphrase is published).
licenses=200
[ "${2:-}" = "--quick" ] && licenses=20
i=0
: >"$work/keys"
while [ "$i" -lt "$licenses" ]; do
  AICP_KEY_PASSPHRASE=demo-passphrase "$aicp" --db "$work/demo.aicp" license issue \
    --customer "fleet-$i" --name "Fleet $i" --tier starter >>"$work/keys" ||
    { echo "could not issue license $i"; exit 1; }
  i=$((i + 1))
done
[ "$(grep -c '^AICP1' "$work/keys")" -eq "$licenses" ] ||
  { echo "expected $licenses license keys"; exit 1; }

# Each wrk thread walks the keys from its own starting point.
{
  echo 'local keys = {'
  sed 's/.*/  "&",/' "$work/keys"
  echo '}'
  cat <<LUA
local n = 0
local headers = {["Content-Type"] = "application/json",
                 ["Authorization"] = "Bearer $token"}
function setup(thread)
  n = n + 1
  thread:set("start", n * 97)
end
-- Formatted once: the load generator shares the machine with the service.
local requests = {}
function init(args)
  i = start or 0
  for k, key in ipairs(keys) do
    requests[k] = wrk.format("POST", nil, headers, '{"license":"' .. key .. '"}')
  end
end
function request()
  i = i % #requests + 1
  return requests[i]
end
LUA
} >"$work/validate.lua"
# The check run counts the answers that do not say valid; the load run
# leaves the bodies unread, which would slow wrk down.
cat "$work/validate.lua" - >"$work/check.lua" <<'LUA'
local threads = {}
local base_setup = setup
function setup(thread)
  base_setup(thread)
  table.insert(threads, thread)
end
bad = 0
function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"valid": *true') then bad = bad + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write(string.format("answers not valid: %d of %d\n", total, summary.requests))
end
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
wrk -t"$threads" -c2 -d1s -s "$work/check.lua" "$base/licenses/validate" >"$work/check.txt"
grep -q '^answers not valid: 0 of [1-9]' "$work/check.txt" ||
  { grep '^answers' "$work/check.txt"; echo "the service did not find every license valid"; exit 1; }
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/validate.lua" \
  "$base/licenses/validate" >"$work/validate.txt"
report "POST licenses/validate ($licenses keys)" "$work/validate.txt"

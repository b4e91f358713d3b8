#!/usr/bin/env bash
# Runs the suite with this machine's clock moved to other days, to show no test depends on today's
# date: a spring term day, a day in the summer holiday and a day a year on. Every process the tests
# start (the server, its workers) sees the moved clock; timers keep real time (DONT_FAKE_MONOTONIC).
# The clock is moved by an offset from the real time, not started at the day given: faketime's "@day"
# starts each process's clock afresh when it starts, so a test worker started minutes after the
# server would be minutes behind it (and its authenticator codes refused).
# Needs Debian's faketime (apt-get install faketime). Each day is a full `npm test` (about a quarter of
# an hour on two cores) unless TEST_ARGS narrows it, e.g. TEST_ARGS='--project e2e' for the journeys.
# Usage: [TEST_ARGS='…'] scripts/test-on-other-days.sh ['YYYY-MM-DD HH:MM:SS' …]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is not installed: apt-get install faketime" >&2; exit 2; }
days=("$@")
[ ${#days[@]} -gt 0 ] || days=('2027-02-16 10:00:00' '2027-08-10 12:00:00' '2027-12-06 09:00:00')
read -r -a args <<<"${TEST_ARGS:-}"
for day in "${days[@]}"; do
  printf '\n==> npm test %s with the clock at %s\n' "${args[*]}" "$day"
  offset=$(($(date -d "$day" +%s) - $(date +%s)))
  DONT_FAKE_MONOTONIC=1 faketime -f "+${offset}s" npm test -- "${args[@]}"
done

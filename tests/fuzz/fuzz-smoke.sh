#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# fuzz-smoke.sh FUZZER SEED-FOLDER…: fuzz for FE_FUZZ_SECONDS (default 20) seconds on one core
# from the seeds, in a scratch corpus folder, and fail on the first crash, leak or hang. One
# process (no -jobs), so that its exit status and output are the test's. An input that fails
# is kept as fuzz-crash-* in the working folder (the build folder under meson test); add it to
# tests/fuzz/corpus once fixed.
set -u
fuzzer=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seeds=""
for dir in "$@"; do
  [ -d "$dir" ] && seeds="$seeds $dir"
done
# shellcheck disable=SC2086
"$fuzzer" -max_total_time="${FE_FUZZ_SECONDS:-20}" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -print_final_stats=1 -artifact_prefix="$PWD/fuzz-crash-" \
  "$work" $seeds

#!/usr/bin/env bash
# Runs one libFuzzer target for a given time: fuzz/run.sh TARGET SECONDS
# TARGET is pack_loader, expression, profile, evaluate, json_lines, table, ast_cache or json_writer. Builds the fuzz
# preset (clang) first (an up-to-date build is a no-op; a stale binary would fuzz old code). The corpus grows in build/fuzz/corpus/TARGET
# (seeded from fuzz/corpus/TARGET); a crash, leak or hang is written to
# build/fuzz/artifacts/ and makes the script fail: turn it into a regression
# test (tests/hostile/) before fixing it. A hang is an input running longer
# than RELIEF_FUZZ_TIMEOUT seconds (default 10; raise it on a loaded machine,
# where the clock runs while the process waits for a core).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${1:?usage: fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS}
binary=build/fuzz/fuzz/fuzz_${target}
[[ -f build/fuzz/CMakeCache.txt ]] || cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "fuzz_${target}"
corpus=build/fuzz/corpus/${target}
mkdir -p "$corpus" build/fuzz/artifacts
args=(-max_total_time="$seconds" -timeout="${RELIEF_FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -max_len=65536
      -artifact_prefix=build/fuzz/artifacts/"${target}"- -print_final_stats=1)
# Seeds: fuzz/corpus/TARGET and the repository's own inputs (read
# recursively); new inputs go to the first directory only.
seeds=("fuzz/corpus/${target}")
case $target in
  pack_loader) dict=pack_loader; seeds+=(rules tests/golden/packs) ;;
  expression) dict=expression ;;
  profile) dict=profile; seeds+=(examples/profiles tests/golden/profiles) ;;
  evaluate) dict=profile; seeds+=(examples/profiles) ;;
  json_lines) dict=profile ;;
  table) dict=profile; seeds+=(tests/batch/cases) ;;
  ast_cache) dict= ;;
  json_writer) dict= ;;
  *) echo "fuzz/run.sh: unknown target '$target'" >&2; exit 2 ;;
esac
[[ -z $dict ]] || args+=(-dict="fuzz/${dict}.dict")
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$binary" "${args[@]}" "$corpus" "${seeds[@]}"

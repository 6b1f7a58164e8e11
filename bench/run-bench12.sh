#!/usr/bin/env bash
# bench-12 side by side (bench/bench12/BENCH-SPEC.md): the JavaScript
# reference, relief's paths, the hand-written C++ floor and the peer engines
# on one file of profiles; a table of profiles/s with ratios, and a check of
# every checksum (eligible pairs, per-measure counts, sum of amounts in cents)
# against the reference.
#
#   bench/run-bench12.sh --generate N SEED > PROFILES.jsonl
#   bench/run-bench12.sh [--runs K] [--no-peers] [--publicodes-limit M]
#                        [--build DIR] [--work DIR] PROFILES.jsonl
#   bench/run-bench12.sh --check N SEED [--build DIR] [--work DIR]
#
# --runs K (default 3): each engine runs K times; the table shows medians.
# The peers are installed with npm into the work folder (default
# build/bench12), never into the repository. Publicodes (~300 profiles/s) runs
# on the first M profiles (default 2000), compared with the reference on the
# same M. --build is the CMake build folder (default build/release, else
# build/dev). --check (the ctest test): generates N profiles, runs relief's
# modes and the floor once, no peers; exits 77 (skipped) when node is absent.
#
# Exit status: non-zero when relief or the floor fails or differs from the
# reference; a peer that differs (floating-point amounts) is only reported.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
runs=3 peers=1 plimit=2000 build="" work="$root/build/bench12" check="" profiles=""

die() { echo "run-bench12: $*" >&2; exit 2; }
while (($#)); do
  case "$1" in
    --generate) (($# >= 3)) || die "--generate N SEED"; exec node "$here/bench12/gen_profiles.mjs" "$2" "$3" ;;
    --check) (($# >= 3)) || die "--check N SEED"; check="$2 $3"; runs=1; peers=0; shift 3 ;;
    --runs) runs=${2:?}; shift 2 ;;
    --no-peers) peers=0; shift ;;
    --publicodes-limit) plimit=${2:?}; shift 2 ;;
    --build) build=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    -*) die "unknown option $1" ;;
    *) profiles=$1; shift ;;
  esac
done

if ! command -v node >/dev/null; then
  if [[ -n $check ]]; then
    echo "run-bench12: SKIPPED: node is not installed, so the reference (bench/bench12/ref.mjs) cannot run" >&2
    exit 77
  fi
  die "node is required (the reference and the generator are JavaScript)"
fi
if [[ -z $build ]]; then
  build="$root/build/release"
  [[ -x $build/bench/bench12_runner ]] || build="$root/build/dev"
fi
runner="$build/bench/bench12_runner" floor="$build/bench/bench12_floor"
[[ -x $runner && -x $floor ]] || die "build the bench first: cmake --preset release && cmake --build --preset release"
mkdir -p "$work"
if [[ -n $check ]]; then
  profiles="$work/profiles.jsonl"
  node "$here/bench12/gen_profiles.mjs" $check > "$profiles"
fi
[[ -f $profiles ]] || die "usage: run-bench12.sh [options] PROFILES.jsonl (see the header of this script)"
results="$work/results.tsv"
: > "$results"

# run LABEL SUBSET COMMAND...: runs COMMAND, keeps its last output line under LABEL.
run() {
  local label=$1 subset=$2 line
  shift 2
  if line=$("$@" | tail -n 1) && [[ $line == "{"* ]]; then
    printf '%s\t%s\t%s\n' "$label" "$subset" "$line" >> "$results"
  else
    printf '%s\t%s\t%s\n' "$label" "$subset" "failed" >> "$results"
    echo "run-bench12: $label failed: $*" >&2
  fi
}

small="$work/profiles-small.jsonl"
((peers)) && head -n "$plimit" "$profiles" > "$small"
if ((peers)); then
  mkdir -p "$work/peers"
  cp "$here"/bench12/peers/*.mjs "$here/bench12/peers/package.json" "$work/peers/"
  (cd "$work/peers" && { [[ -d node_modules/publicodes ]] || npm install --silent --no-audit --no-fund >/dev/null; }) ||
    echo "run-bench12: npm install of the peers failed; they will be reported as failed" >&2
fi
pinned=()
command -v taskset >/dev/null && pinned=(taskset -c 0)
for ((i = 1; i <= runs; i++)); do
  echo "run-bench12: run $i of $runs" >&2
  run reference-js all node "$here/bench12/ref.mjs" "$profiles"
  run cpp-floor all "$floor" "$profiles"
  run relief all "$runner" --mode relief "$profiles"
  run "relief, 2 threads" all "$runner" --mode relief --threads 2 "$profiles"
  run relief-jsonl all "$runner" --mode relief-jsonl "$profiles"
  run relief-explained all "$runner" --mode relief-explained "$profiles"
  run relief-explained-read all "$runner" --mode relief-explained-read "$profiles"
  run relief-explained-each all "$runner" --mode relief-explained-each "$profiles"
  run relief-evaluated all "$runner" --mode relief-evaluated "$profiles"
  run relief-traced all "$runner" --mode relief-traced "$profiles"
  ((peers)) || continue
  run cel-js all node "$work/peers/cel.mjs" "$profiles"
  run zen-engine all node "$work/peers/zen.mjs" "$profiles"
  ((${#pinned[@]})) && run "zen-engine, pinned to one core" all "${pinned[@]}" node "$work/peers/zen.mjs" "$profiles"
  run json-rules-engine all node "$work/peers/json-rules-engine.mjs" "$profiles"
  run reference-js small node "$here/bench12/ref.mjs" "$small"
  run publicodes small node "$work/peers/publicodes.mjs" "$small"
done
node "$here/bench12/table.mjs" "$results"

#!/usr/bin/env bash
# Installs the Debian packages relief builds with, when they are missing.
# Safe to run again: it does nothing when everything is there.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libyaml-cpp-dev libyaml-dev libboost-dev libfmt-dev nlohmann-json3-dev libssl-dev libcli11-dev libre2-dev libsimdjson-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-venv python3-dev clang libclang-rt-14-dev clang-format clang-tidy
  chromium tidy  # the browser and markup test of the HTML pages (tests/browser/)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "relief: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

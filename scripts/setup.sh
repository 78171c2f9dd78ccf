#!/usr/bin/env bash
# Installs the Debian packages aithon needs when they are missing (Debian 12, as root or with
# sudo).  Idempotent: does nothing when everything is present.
set -euo pipefail
pkgs=(build-essential make llvm-19-dev clang-19 libclang-rt-19-dev libgc-dev libgmp-dev
      libpcre2-dev libutf8proc-dev python3 valgrind hyperfine pypy3)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# python3 may come from elsewhere (pyenv); only the command matters
if command -v python3 >/dev/null; then
  missing=("${missing[@]/python3}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
((${#missing[@]} == 0)) && { echo "setup: all packages present"; exit 0; }
echo "setup: installing ${missing[*]}"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

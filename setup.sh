#!/bin/sh
# setup.sh — install what pith needs on Debian 12, build it, and run it on the
# bundled example page. Safe to run again. Use --deps-only to stop after the
# packages (CI does), --no-deps to skip apt.
set -eu
cd "$(dirname "$0")"

# Build and test dependencies, all from Debian 12 (README says why each one).
PKGS="build-essential pkg-config libmodest-dev zlib1g-dev libdeflate-dev libzstd-dev libbrotli-dev \
python3 python3-dev python3-setuptools python3-pip python3-pytest python3-dask python3-distributed \
clang libclang-rt-14-dev w3m zstd brotli valgrind"

deps=1
run=1
for a in "$@"; do
  case "$a" in
    --deps-only) run=0 ;;
    --no-deps) deps=0 ;;
    *) echo "setup.sh: unknown option $a" >&2; exit 2 ;;
  esac
done

if [ "$deps" = 1 ]; then
  missing=""
  for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    echo "setup.sh: installing:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
fi
[ "$run" = 1 ] || exit 0

make -j"$(nproc)"
echo "setup.sh: built build/pith; running it on examples/article.html:"
echo
./build/pith examples/article.html

#!/bin/sh
# Installs the Debian/Ubuntu packages in build-aux/debian-packages.txt that
# are missing, through sudo when not root. Does nothing when all are there.
# `install-deps.sh fuzz` installs build-aux/debian-packages-fuzz.txt instead:
# clang and its fuzzer runtime, which only the fuzz targets need.
set -eu

here=$(dirname "$0")
case "${1:-}" in
  "") list="$here/debian-packages.txt" ;;
  fuzz) list="$here/debian-packages-fuzz.txt" ;;
  *) echo "usage: $0 [fuzz]" >&2; exit 2 ;;
esac
packages=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list")

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "This is not a Debian or Ubuntu system; install these packages (or your" >&2
  echo "system's equivalents) yourself: $(echo $packages)" >&2
  exit 0
fi

missing=""
for p in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
  esac
done

[ -z "$missing" ] && exit 0

echo "Installing the packages Common Room needs:$missing"
sudo=""
if [ "$(id -u)" != 0 ]; then
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing

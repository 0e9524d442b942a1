#!/usr/bin/env bash
# Installs the Debian 12 packages ClusterScope needs to build, test and screenshot.
# Skips apt entirely when everything is already present, so repeated runs stay fast.
set -euo pipefail

packages=(
  build-essential cmake ninja-build dpkg-dev file
  qt6-base-dev qt6-declarative-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-shapes qml6-module-qtquick-window
  qml6-module-qtqml-workerscript qml6-module-qtcharts qml6-module-qttest
  nlohmann-json3-dev clang clang-format libclang-rt-14-dev
  desktop-file-utils appstream
  qt6-translations-l10n
)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "deps: not root; run as root or install these packages yourself" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps: done"

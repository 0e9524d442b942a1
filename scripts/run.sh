#!/usr/bin/env bash
# Builds ClusterScope (Release) and starts it. Installs missing Debian packages first.
# Arguments are passed to the application, e.g.: bash scripts/run.sh --lesson 2
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
bash scripts/configure.sh
cmake --build build/release --target clusterscope clusterscope-cli

app=build/release/app/desktop/clusterscope
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  echo "ClusterScope is built, but this machine has no display (neither DISPLAY nor WAYLAND_DISPLAY is set)."
  echo "To see the window as an image, render it offscreen:"
  echo "  $app --screenshot clusterscope.png [--lesson N] [--size 1600x1000]"
  exit 1
fi
exec "$app" "$@"

#!/usr/bin/env bash
# Configures the Release build in build/release. The run command and the test command share it
# (same options), so running one after the other rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLUSTERSCOPE_WERROR=ON >/dev/null

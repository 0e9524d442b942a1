#!/usr/bin/env bash
# Installs the real engines the live lab drives (`clusterscope-cli lab`): etcd 3.4, PostgreSQL 15 and
# Patroni 3.0. The lab is optional: the run command does not install these, the test command does. The packages'
# own services are not started (a policy-rc.d refuses them while installing): the lab starts its
# own members on 127.0.0.1, in its own folder, and stops them.
set -euo pipefail

packages=(etcd-server etcd-client postgresql-15 postgresql-client-15 patroni)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "lab-deps: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "lab-deps: not root; run as root, or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
policy=/usr/sbin/policy-rc.d
had_policy=0
[ -e "$policy" ] && had_policy=1
if [ "$had_policy" = 0 ]; then
  printf '#!/bin/sh\n# lab-deps.sh: no service starts while the lab installs its engines.\nexit 101\n' > "$policy"
  chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "lab-deps: done"

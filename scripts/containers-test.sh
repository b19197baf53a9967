#!/usr/bin/env bash
# npm run test:containers — ovn-sdk's container suite on a private Docker engine:
#   1. installs docker.io and debootstrap when missing (apt-get, as root);
#   2. starts dockerd with its own data root, exec root and socket in a temp dir and
#      --iptables=false --ip-forward=false (the host's firewall and forwarding stay untouched);
#   3. builds or reuses the images (scripts/containers-images.sh; cached in /var/cache/ovn-sdk);
#   4. runs the container suite (vitest.containers.config.ts), or the command given as arguments;
#   5. stops the engine and removes its data (the image cache stays).
# It fails, never skips, when the engine cannot start.
#
# With a Docker engine of your own (DOCKER_HOST set, or OVN_SDK_ENGINE=existing), steps 1, 2 and 5
# are skipped: the images are built on that engine (FROM debian:bookworm if debootstrap is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/containers-engine.sh

if [ "${OVN_SDK_ENGINE:-}" = existing ] || [ -n "${DOCKER_HOST:-}" ]; then
  docker version >/dev/null || { echo "containers: no engine answers at ${DOCKER_HOST:-the default socket}" >&2; exit 1; }
else
  engine_install
  trap engine_stop EXIT
  engine_start
fi
t0=$(date +%s)
scripts/containers-images.sh >/dev/null
echo "containers: images ready in $(( $(date +%s) - t0 )) s" >&2
export TESTCONTAINERS_RYUK_DISABLED=true
if [ $# -gt 0 ]; then
  "$@"
else
  npx vitest run --config vitest.containers.config.ts
fi

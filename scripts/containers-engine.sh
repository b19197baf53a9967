#!/usr/bin/env bash
# A private Docker engine for ovn-sdk's container suite, kept away from the host's firewall and
# forwarding (--iptables=false --ip-forward=false) and from any system engine (own data root, exec
# root, socket and pidfile in one temp dir). Facts: docs/containers.md.
#
#   source scripts/containers-engine.sh
#   engine_install     # apt-get docker.io + debootstrap when missing (root)
#   engine_start       # sets ENGINE_DIR and DOCKER_HOST; fails (exit 1) when the engine does not answer
#   engine_stop        # stops dockerd by its pid and removes its data
set -euo pipefail

engine_install() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "containers: ${missing[*]} missing and not root: cannot install them" >&2
    return 1
  fi
  echo "containers: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
}

engine_start() {
  ENGINE_DIR=$(mktemp -d /tmp/ovn-sdk-engine.XXXXXX)
  export ENGINE_DIR
  dockerd --iptables=false --ip-forward=false \
    --data-root "$ENGINE_DIR/data" --exec-root "$ENGINE_DIR/exec" \
    -H "unix://$ENGINE_DIR/docker.sock" --pidfile "$ENGINE_DIR/dockerd.pid" \
    >"$ENGINE_DIR/dockerd.log" 2>&1 &
  export DOCKER_HOST="unix://$ENGINE_DIR/docker.sock"
  local i
  for i in $(seq 1 300); do
    if docker version >/dev/null 2>&1; then
      echo "containers: engine up in $ENGINE_DIR ($(docker version --format '{{.Server.Version}}'))" >&2
      return 0
    fi
    sleep 0.1
  done
  echo "containers: the Docker engine did not start within 30 s; its log:" >&2
  tail -20 "$ENGINE_DIR/dockerd.log" >&2 || true
  return 1
}

engine_stop() {
  [ -n "${ENGINE_DIR:-}" ] && [ -d "$ENGINE_DIR" ] || return 0
  local pid
  pid=$(cat "$ENGINE_DIR/dockerd.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    # Containers left by a failed run go first, then the engine.
    DOCKER_HOST="unix://$ENGINE_DIR/docker.sock" docker ps -aq --filter label=ovn-sdk.harness | xargs -r env DOCKER_HOST="unix://$ENGINE_DIR/docker.sock" docker rm -f >/dev/null 2>&1 || true
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  # containerd-shim processes of this engine, if any survived, hold mounts under the exec root.
  grep -s " $ENGINE_DIR/" /proc/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$ENGINE_DIR"
  unset ENGINE_DIR
}

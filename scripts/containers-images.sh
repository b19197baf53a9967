#!/usr/bin/env bash
# Builds (or reuses) the images of ovn-sdk's container suite on the engine DOCKER_HOST points at, with
# no image registry: a Debian bookworm minbase rootfs made by debootstrap from the mirror apt already
# uses, imported as the base, then docker/ovn-central.Dockerfile and docker/ovn-node.Dockerfile built
# FROM it. The rootfs tarball and the built images (docker save) are cached in $OVN_SDK_IMAGE_CACHE
# (default /var/cache/ovn-sdk), keyed by the Dockerfiles and the package list; a warm run only loads.
# Without debootstrap (or with OVN_SDK_IMAGE_BASE=<image>), the Dockerfiles are built FROM that image
# (default debian:bookworm, pulled by the engine) instead.
#
#   scripts/containers-images.sh        # prints the two image tags
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=${OVN_SDK_IMAGE_CACHE:-/var/cache/ovn-sdk}
CENTRAL=${OVN_SDK_CENTRAL_IMAGE:-ovn-sdk/ovn-central:bookworm}
NODE=${OVN_SDK_NODE_IMAGE:-ovn-sdk/ovn-node:bookworm}
BASE=ovn-sdk/base:bookworm
PACKAGES="ovn-central,ovn-host,openvswitch-switch,openvswitch-common,iproute2,iputils-ping,ethtool,ipset,iptables,tcpdump,procps"
mkdir -p "$CACHE"

key=$( { echo "$PACKAGES"; cat docker/ovn-central.Dockerfile docker/ovn-node.Dockerfile; } | sha256sum | cut -c1-16)
rootfs_tar="$CACHE/rootfs-bookworm-$(echo "$PACKAGES" | sha256sum | cut -c1-16).tar"
images_tar="$CACHE/images-$key.tar"

have() { docker image inspect "$1" >/dev/null 2>&1; }

if have "$CENTRAL" && have "$NODE"; then
  :
elif [ -s "$images_tar" ]; then
  echo "containers: loading images from $images_tar" >&2
  docker load -q -i "$images_tar" >/dev/null
elif [ -n "${OVN_SDK_IMAGE_BASE:-}" ] || ! command -v debootstrap >/dev/null; then
  from=${OVN_SDK_IMAGE_BASE:-debian:bookworm}
  echo "containers: building the images FROM $from" >&2
  docker build -q --network host --build-arg "BASE=$from" -f docker/ovn-central.Dockerfile -t "$CENTRAL" docker >/dev/null
  docker build -q --network host --build-arg "BASE=$from" -f docker/ovn-node.Dockerfile -t "$NODE" docker >/dev/null
else
  if [ ! -s "$rootfs_tar" ]; then
    # The mirror apt uses here (deb822 sources or a classic sources.list line).
    mirror=${OVN_SDK_DEBIAN_MIRROR:-$( { cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {print $2}'; cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '/^deb / {print $2}'; } | awk '!/security/ {print; exit}' || true)}
    mirror=${mirror:-http://deb.debian.org/debian}
    work=$(mktemp -d /tmp/ovn-sdk-rootfs.XXXXXX)
    trap 'rm -rf "$work"' EXIT
    echo "containers: debootstrap bookworm minbase from $mirror (cold cache: ~1 min on a quiet machine, far more under load)" >&2
    mkdir -p "$CACHE/debs"  # downloaded .debs kept: a changed package list re-downloads only the new ones
    debootstrap --cache-dir="$CACHE/debs" --variant=minbase --include="$PACKAGES" bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
      || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
    # Smaller image: no package cache; apt lists are not needed (the Dockerfiles find the packages installed).
    rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
    tar -C "$work/rootfs" -cf "$rootfs_tar.part" . && mv "$rootfs_tar.part" "$rootfs_tar"
    rm -rf "$work"
    trap - EXIT
  fi
  echo "containers: importing the base and building the images" >&2
  docker import "$rootfs_tar" "$BASE" >/dev/null
  build_log=$(mktemp)
  for f in central:"$CENTRAL" node:"$NODE"; do
    docker build --network host --build-arg "BASE=$BASE" -f "docker/ovn-${f%%:*}.Dockerfile" -t "${f#*:}" docker >"$build_log" 2>&1 \
      || { tail -30 "$build_log" >&2; rm -f "$build_log"; exit 1; }
  done
  rm -f "$build_log"
  docker save -o "$images_tar.part" "$CENTRAL" "$NODE" && mv "$images_tar.part" "$images_tar"
  # Older cache generations are dropped (a changed Dockerfile makes a new key).
  find "$CACHE" -maxdepth 1 -name 'images-*.tar' ! -name "images-$key.tar" -delete
fi
echo "$CENTRAL"
echo "$NODE"

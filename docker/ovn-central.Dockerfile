# OVN central for ovn-sdk's container harness: ovsdb-server (NB, SB, or any schema), ovn-northd and the
# client tools (ovn-nbctl, ovn-sbctl, ovn-trace, ovsdb-client, ovs-appctl), from Debian's packages.
#
#   docker build -f docker/ovn-central.Dockerfile -t ovn-sdk/ovn-central:bookworm docker
#
# BASE may be any Debian/Ubuntu image with apt (default debian:bookworm). ovn-sdk's own CI builds it
# FROM a debootstrapped base that already holds these packages (scripts/containers-images.sh), so the
# install below needs no network there.
ARG BASE=debian:bookworm
FROM ${BASE}
ARG PACKAGES="ovn-central openvswitch-common procps"
RUN set -eux; export DEBIAN_FRONTEND=noninteractive; \
    apt-get install -y --no-install-recommends $PACKAGES 2>/dev/null \
      || { apt-get update && apt-get install -y --no-install-recommends $PACKAGES; }; \
    rm -rf /var/lib/apt/lists/*; \
    mkdir -p /var/run/openvswitch /var/run/ovn /var/log/openvswitch /var/log/ovn; \
    ovsdb-server --version | head -1; ovn-northd --version | head -1
# The harness starts every daemon itself (see docs/containers.md); a bare `docker run` just idles.
CMD ["sleep", "infinity"]

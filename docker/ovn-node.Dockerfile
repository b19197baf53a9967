# An OVN node for ovn-sdk's container harness: an Open_vSwitch ovsdb-server, ovs-vswitchd (userspace
# "netdev" datapath: no kernel module needed), ovn-controller, and the tools the data-plane tests use
# inside the node (ip, ping, ethtool, ipset, iptables, tcpdump). Run it privileged.
#
#   docker build -f docker/ovn-node.Dockerfile -t ovn-sdk/ovn-node:bookworm docker
#
# BASE may be any Debian/Ubuntu image with apt (default debian:bookworm); see ovn-central.Dockerfile.
ARG BASE=debian:bookworm
FROM ${BASE}
ARG PACKAGES="ovn-host openvswitch-switch openvswitch-common iproute2 iputils-ping ethtool ipset iptables tcpdump procps"
RUN set -eux; export DEBIAN_FRONTEND=noninteractive; \
    apt-get install -y --no-install-recommends $PACKAGES 2>/dev/null \
      || { apt-get update && apt-get install -y --no-install-recommends $PACKAGES; }; \
    rm -rf /var/lib/apt/lists/*; \
    mkdir -p /var/run/openvswitch /var/run/ovn /var/log/openvswitch /var/log/ovn; \
    ovs-vswitchd --version | head -1; ovn-controller --version | head -1
CMD ["sleep", "infinity"]

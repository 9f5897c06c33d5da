#!/bin/sh
# Starts Janus in the foreground; JANUS_NAT_1_1 (the public address browsers reach) becomes nat_1_1_mapping.
set -eu
if [ -n "${JANUS_NAT_1_1:-}" ]; then
  sed -i "s|^\(\s*\)#nat_1_1_mapping = .*|\1nat_1_1_mapping = \"${JANUS_NAT_1_1}\"|" /etc/janus/janus.jcfg
fi
exec janus -F /etc/janus -C /etc/janus/janus.jcfg

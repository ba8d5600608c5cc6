#!/bin/bash
# Usage: k0s-data-from-mke3.sh DATA_DIR KEYS_DIR SNAPSHOT API_ADDRESS [DOCKER-COMMAND...]
# Prepares the leader's k0s data directory before k0s first starts so that MKE 4k serves MKE 3's Kubernetes state:
# MKE 3's CA and service-account keys as k0s' custom CA ("Install using custom CA certificates and SA key pair",
# k0s docs), and MKE 3's etcd snapshot restored into <DATA_DIR>/etcd as a new one-member cluster under the name and
# peer URL k0s gives its member (the node's hostname, https://API_ADDRESS:2380). The restore runs etcd's own tool
# from MKE 3's etcd image; it writes a new data directory, never touching ucp-kv's.
set -euo pipefail
data=$1 keys=$2 snapshot=$3 address=$4
shift 4
docker=("${@:-docker}")
name=$(hostname)
if [ -e "$data/etcd/member" ]; then
  echo "k0s' etcd in $data/etcd holds data already: not overwritten" >&2
  exit 1
fi
install -d -m 0751 "$data/pki"
install -m 0644 "$keys/ca.crt" "$data/pki/ca.crt"
install -m 0600 "$keys/ca.key" "$data/pki/ca.key"
install -m 0600 "$keys/sa.key" "$data/pki/sa.key"
install -m 0644 "$keys/sa.pub" "$data/pki/sa.pub"
image=$("${docker[@]}" inspect -f '{{.Config.Image}}' ucp-kv)
work=$(mktemp -d "$data/.restore.XXXXXX")
trap 'rm -rf "$work"' EXIT
"${docker[@]}" run --rm --network none --entrypoint etcdutl -v "$snapshot:/snapshot.db:ro" -v "$work:/restore" "$image" \
  snapshot restore /snapshot.db --data-dir /restore/etcd --name "$name" \
  --initial-cluster "$name=https://$address:2380" --initial-advertise-peer-urls "https://$address:2380"
chmod 0700 "$work/etcd"
mv "$work/etcd" "$data/etcd"
echo "MKE 3's Kubernetes state restored into $data/etcd as member $name (https://$address:2380)"

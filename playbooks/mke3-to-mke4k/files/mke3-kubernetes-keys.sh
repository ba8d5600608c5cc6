#!/bin/bash
# Usage: mke3-kubernetes-keys.sh DEST [DOCKER-COMMAND...]
# Copies the keys MKE 4k must keep for MKE 3's Kubernetes state to stay valid into DEST, named as k0s' custom-CA
# files: ca.crt and ca.key (the client CA of ucp-kube-apiserver, whose key is in the ucp-cluster-root-ca volume) and
# sa.key/sa.pub (the service-account key pair); and, so that the tokens MKE 3 issued stay valid, the issuer it names
# in them (service-account-issuer) and the audiences it accepts (api-audiences, one a line). Where they are is read
# from the running ucp-kube-apiserver's own flags and files, not assumed. Refuses what this upgrade does not carry
# yet: an etcd prefix other than /registry, Secrets encrypted at rest.
set -euo pipefail
# written to DEST.partial and renamed when complete, so a refusal leaves no DEST for the next run to trust
final=$1
dest=$1.partial
shift
docker=("${@:-docker}")
pid=$("${docker[@]}" inspect -f '{{.State.Pid}}' ucp-kube-apiserver)
[ "${pid:-0}" -gt 0 ] || { echo "ucp-kube-apiserver is not running: its flags say where MKE 3 keeps its keys" >&2; exit 1; }
args=$(tr '\0' '\n' <"/proc/$pid/cmdline")
flag() {   # the value of --NAME (as "--NAME VALUE" or "--NAME=VALUE"), the first one given
  printf '%s\n' "$args" | awk -v f="--$1" '$0 == f { getline; print; exit } index($0, f "=") == 1 { print substr($0, length(f) + 2); exit }'
}
prefix=$(flag etcd-prefix)
if [ -n "$prefix" ] && [ "$prefix" != /registry ]; then
  echo "MKE 3's Kubernetes keeps its objects under the etcd prefix $prefix; k0s reads /registry: not carried over" >&2
  exit 1
fi
if [ -n "$(flag encryption-provider-config)" ]; then
  echo "MKE 3 encrypts Kubernetes data at rest ($(flag encryption-provider-config)); carrying that key is not supported yet" >&2
  exit 1
fi
inside() {   # a file as ucp-kube-apiserver sees it (its volumes included)
  [ -n "$1" ] || { echo "ucp-kube-apiserver has no --$2 flag" >&2; exit 1; }
  cat "/proc/$pid/root$1"
}
ca_volume=$("${docker[@]}" volume inspect -f '{{.Mountpoint}}' ucp-cluster-root-ca)
umask 077
rm -rf "$dest"
mkdir -p "$dest"
inside "$(flag client-ca-file)" client-ca-file >"$dest/ca.crt"
cp "$ca_volume/key.pem" "$dest/ca.key"
inside "$(flag service-account-signing-key-file)" service-account-signing-key-file >"$dest/sa.key"
inside "$(flag service-account-key-file)" service-account-key-file >"$dest/sa.pub"
issuer=$(flag service-account-issuer)
[ -n "$issuer" ] || { echo "ucp-kube-apiserver has no --service-account-issuer flag" >&2; exit 1; }
printf '%s\n' "$issuer" >"$dest/service-account-issuer"
# kube-apiserver: without --api-audiences, the issuer is the one audience
audiences=$(flag api-audiences)
printf '%s\n' "${audiences:-$issuer}" | tr ',' '\n' >"$dest/api-audiences"
# the CA k0s signs with must be the one MKE 3's clients trust
if [ "$(openssl x509 -noout -pubkey -in "$dest/ca.crt")" != "$(openssl pkey -pubout -in "$dest/ca.key")" ]; then
  echo "the key in ucp-cluster-root-ca is not the key of ucp-kube-apiserver's client CA" >&2
  exit 1
fi
rm -rf "$final"
mv "$dest" "$final"
echo "MKE 3's Kubernetes CA and service-account keys copied to $final"

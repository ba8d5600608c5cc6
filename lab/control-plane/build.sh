#!/usr/bin/env bash
# Builds the real control-plane programs the unwind lab runs: etcd, etcdctl and etcdutl (go.etcd.io/etcd) and
# kube-apiserver and kube-controller-manager (k8s.io/kubernetes), from the Go module proxy, with the versions
# and checksums pinned in etcd/ and kube/ (a go.mod whose `tool` lines name the programs, and its go.sum).
#
#   lab/control-plane/build.sh             build when the inputs changed; the last line printed is the folder
#                                          holding the programs
#   lab/control-plane/build.sh --print-key only print the key of the current inputs
#
# k8s.io/kubernetes cannot be `go install`-ed (its go.mod replaces the k8s.io/* staging modules with ./staging
# folders): kube/go.mod pins each of those to the published v0.X.Y of the same release instead.
# The programs are kept under UNWIND_LAB_CACHE (default /var/cache/unwind-lab) by a hash of the inputs and the Go
# version, so a machine builds them once: about 1 minute for etcd and 10-15 for Kubernetes on 2 cores, cold.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${UNWIND_LAB_CACHE:-/var/cache/unwind-lab}
export PATH="$PATH:/usr/local/go/bin"

key() {
  {
    go env GOVERSION GOARCH
    cd "$here"
    find build.sh etcd kube -type f | LC_ALL=C sort | while read -r f; do echo "$f"; cat "$f"; done
  } | sha256sum | cut -c1-12
}

command -v go >/dev/null || { echo "control-plane/build.sh: no Go toolchain (expected at /usr/local/go)" >&2; exit 1; }
k=$(key)
if [ "${1:-}" = --print-key ]; then
  echo "$k"
  exit 0
fi
out="$CACHE/control-plane-$k"
programs=(etcd etcdctl etcdutl kube-apiserver kube-controller-manager)
complete() { for p in "${programs[@]}"; do [ -x "$out/$p" ] || return 1; done; }
if complete; then
  echo "$out"
  exit 0
fi

mkdir -p "$CACHE"
exec 8>"$CACHE/.control-plane.lock"
flock 8
if complete; then
  echo "$out"
  exit 0
fi
log() { echo "[$(date +%T)] $*" >&2; }
started=$(date +%s)
tmp="$out.tmp"
rm -rf "$tmp"
mkdir -p "$tmp"
build() {   # folder, then package=program pairs
  local dir=$1; shift
  local pkg
  for pkg in "$@"; do
    log "go build ${pkg%%=*}"
    (cd "$here/$dir" && CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o "$tmp/${pkg##*=}" "${pkg%%=*}") \
      || { echo "control-plane/build.sh: building ${pkg%%=*} failed" >&2; exit 1; }
  done
}
build etcd go.etcd.io/etcd/server/v3=etcd go.etcd.io/etcd/etcdctl/v3=etcdctl go.etcd.io/etcd/etcdutl/v3=etcdutl
build kube k8s.io/kubernetes/cmd/kube-apiserver=kube-apiserver \
  k8s.io/kubernetes/cmd/kube-controller-manager=kube-controller-manager
mv "$tmp" "$out"
# older builds are no longer needed
find "$CACHE" -maxdepth 1 -name 'control-plane-*' ! -name "control-plane-$k" ! -name '*.tmp' -exec rm -rf {} +
log "built ${programs[*]} in $(( $(date +%s) - started )) s"
echo "$out"

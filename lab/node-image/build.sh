#!/usr/bin/env bash
# Builds, offline, the unwind lab's node image (Debian bookworm with systemd, sshd, a Docker engine and the
# stand-in k0s) and the MKE 3 images (mirantis/ucp-*:3.8.5) into the local Docker engine: stand-ins, except that
# ucp-kv runs real etcd and ucp-kube-apiserver a real kube-apiserver (built by ../control-plane/build.sh).
#
#   lab/node-image/build.sh              build when the inputs changed; the last line printed is the image
#   lab/node-image/build.sh --print-tag  only print the image the current inputs make (unwind-lab-node:<hash>)
#
# The node image is tagged by a hash of its inputs (this script, files/, ucp-components.tsv, the control-plane
# key), so it is
# rebuilt only when they change. Nothing is ever pulled: the root file system comes from debootstrap against
# the machine's own Debian mirror (UNWIND_LAB_MIRROR overrides it) and is imported with `docker import`.
# Needs root, debootstrap and a running Docker engine. The debootstrapped base is kept under
# UNWIND_LAB_CACHE (default /var/cache/unwind-lab), keyed by the package list, so a change to the files
# alone rebuilds in seconds.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SUITE=bookworm
UCP_VERSION=3.8.5
PACKAGES=systemd,systemd-sysv,dbus,openssh-server,docker.io,iptables,iproute2,procps,curl,ca-certificates,sudo,socat,cron,git,kmod,unzip,xz-utils,python3
IMAGE=unwind-lab-node
CACHE=${UNWIND_LAB_CACHE:-/var/cache/unwind-lab}

inputs_hash() {
  {
    echo "$SUITE $UCP_VERSION $PACKAGES"
    "$here/../control-plane/build.sh" --print-key
    cd "$here"
    find build.sh ucp-components.tsv files -type f | LC_ALL=C sort | while read -r f; do
      echo "$f $(stat -c %a "$f")"
      cat "$f"
    done
  } | sha256sum | cut -c1-12
}

tag="$IMAGE:$(inputs_hash)"
if [ "${1:-}" = --print-tag ]; then
  echo "$tag"
  exit 0
fi
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "$tag is up to date" >&2
  echo "$tag"
  exit 0
fi

log() { echo "[$(date +%T)] $*" >&2; }
started=$(date +%s)
control_plane=$("$here/../control-plane/build.sh")

[ "$(id -u)" = 0 ] || { echo "build.sh: debootstrap needs root" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "build.sh: apt-get install -y debootstrap" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "build.sh: no Docker engine answers (start dockerd first)" >&2; exit 1; }

# one build at a time (parallel test JVMs, CI and a developer may all ask); the winner's image serves the rest
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "$tag"
  exit 0
fi

# The first URIs of a deb822 stanza that serves $SUITE, else a one-line `deb` entry, else Debian's own.
mirror() {
  if [ -n "${UNWIND_LAB_MIRROR:-}" ]; then echo "$UNWIND_LAB_MIRROR"; return; fi
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    awk -v suite="$SUITE" '
      /^[[:space:]]*$/ { if (uri != "" && ok) { print uri; exit } uri = ""; ok = 0; next }
      /^URIs:/ { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) ok = 1 }
      END { if (uri != "" && ok) print uri }' "$f" | head -n1
  done | head -n1 | grep . && return
  awk -v suite="$SUITE" '$1 == "deb" && $3 == suite { print $2; exit }' /etc/apt/sources.list 2>/dev/null | grep . && return
  echo http://deb.debian.org/debian
}


# 1. The debootstrapped base, cached by what goes into it.
base_key=$(echo "$SUITE $PACKAGES" | sha256sum | cut -c1-12)
base="$CACHE/base-$base_key"
if [ ! -f "$base/.complete" ]; then
  url=$(mirror)
  log "debootstrap $SUITE from $url (packages: $PACKAGES)"
  rm -rf "$base"
  mkdir -p "$CACHE"
  debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$base" "$url" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -n 30 "$CACHE/debootstrap.log" >&2; exit 1; }
  touch "$base/.complete"
  log "debootstrap done"
fi
# older bases are no longer needed
find "$CACHE" -maxdepth 1 -name 'base-*' ! -name "base-$base_key" -exec rm -rf {} +

work=$(mktemp -d "$CACHE/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
cp -a "$base" "$root"
rm -f "$root/.complete"

# 2. The stand-in MKE 3 images: a root file system of a shell, sleep, cp, cat, date, rm, socat (the controller's
#    API relay), the etcdctl stand-in and the libraries they need, nothing more.
ucp="$work/ucp-rootfs"
mkdir -p "$ucp/bin" "$ucp/tmp"
cp "$root/bin/dash" "$ucp/bin/sh"
cp "$root/bin/sleep" "$ucp/bin/sleep"
cp "$root/usr/bin/socat" "$ucp/bin/socat"
cp "$root/bin/cp" "$root/bin/cat" "$root/bin/date" "$root/bin/rm" "$ucp/bin/"
mkdir -p "$ucp/data" "$ucp/backup"
cp "$here/files/ucp-standin" "$ucp/bin/ucp-standin"
for lib in $(chroot "$root" ldd /bin/dash /bin/sleep /usr/bin/socat /bin/cp /bin/cat /bin/date /bin/rm | grep -o '/[^ ]*\.so[^ ]*' | sort -u); do
  mkdir -p "$ucp$(dirname "$lib")"
  cp -L "$root$lib" "$ucp$lib"
done
# The installer (mirantis/ucp) and the agent (mirantis/ucp-agent) work through the engine socket they are given, as
# the real ones: they have a docker CLI.
with_docker="$work/docker-rootfs"
cp -a "$ucp" "$with_docker"
cp "$root/usr/bin/docker" "$root/bin/sed" "$with_docker/bin/"
for lib in $(chroot "$root" ldd /usr/bin/docker /bin/sed | grep -o '/[^ ]*\.so[^ ]*' | sort -u); do
  mkdir -p "$with_docker$(dirname "$lib")"
  cp -L "$root$lib" "$with_docker$lib"
done
installer="$work/installer-rootfs"
cp -a "$with_docker" "$installer"
cp "$here/files/ucp-installer" "$installer/bin/ucp-installer"
# ucp-etcd and ucp-hyperkube carry the real programs (static Go binaries)
etcd_root="$work/etcd-rootfs" hyperkube_root="$work/hyperkube-rootfs"
cp -a "$ucp" "$etcd_root"
cp "$control_plane/etcd" "$control_plane/etcdctl" "$control_plane/etcdutl" "$etcd_root/bin/"
cp -a "$ucp" "$hyperkube_root"
cp "$control_plane/kube-apiserver" "$control_plane/kube-controller-manager" "$hyperkube_root/bin/"
ucp_images=()
while read -r name image on kind; do
  case "$name" in ''|'#'*) continue ;; esac
  ref="$image:$UCP_VERSION"
  case " ${ucp_images[*]:-} " in *" $ref "*) continue ;; esac
  short=${image#mirantis/}
  entry=/bin/ucp-standin
  case "$short" in
    ucp) from="$installer" entry=/bin/ucp-installer ;;
    ucp-agent) from="$with_docker" ;;
    ucp-etcd) from="$etcd_root" ;;
    ucp-hyperkube) from="$hyperkube_root" ;;
    *) from="$ucp" ;;
  esac
  tar --numeric-owner -C "$from" -c . | docker import \
    -c "ENV UCP_IMAGE=$short UCP_VERSION=$UCP_VERSION PATH=/bin" \
    -c "ENTRYPOINT [\"$entry\"]" \
    -c "LABEL com.docker.ucp.version=$UCP_VERSION dev.unwind.lab.standin=$short" - "$ref" >/dev/null
  ucp_images+=("$ref")
done <"$here/ucp-components.tsv"
mkdir -p "$root/usr/share/unwind-lab"
docker save -o "$root/usr/share/unwind-lab/ucp-images.tar" "${ucp_images[@]}"
log "stand-in images: ${ucp_images[*]}"

# 3. The node: systemd as init in a container, sshd with its own keys, dockerd that can never pull.
# k0s is not installed (the upgrade puts it at /usr/local/bin/k0s); a copy for tests that install it themselves
install -D -m 0755 "$here/files/k0s" "$root/usr/local/share/unwind-lab/k0s"
# what the k0s stand-in runs: its components (k0s-node) and the control-plane programs real k0s embeds
install -m 0755 "$here/files/k0s-node" "$root/usr/local/share/unwind-lab/k0s-node"
install -d -m 0755 "$root/usr/local/share/unwind-lab/k0s-bin"
cp "$control_plane"/{etcd,etcdctl,etcdutl,kube-apiserver,kube-controller-manager} "$root/usr/local/share/unwind-lab/k0s-bin/"
# docker: the real CLI unless a test injected a fault (files/docker-faults)
install -m 0755 "$here/files/docker-faults" "$root/usr/local/bin/docker"
install -d -m 0755 "$root/etc/unwind-lab/faults"
install -D -m 0644 "$here/files/docker-proxy.conf" "$root/etc/systemd/system/docker.service.d/unwind-lab-proxy.conf"
install -D -m 0644 "$here/files/daemon.json" "$root/etc/docker/daemon.json"
install -D -m 0644 "$here/files/sshd-lab.conf" "$root/etc/ssh/sshd_config.d/unwind-lab.conf"
install -m 0644 "$here/files/unwind-lab-hostkeys.service" "$root/etc/systemd/system/unwind-lab-hostkeys.service"
ln -sf /etc/systemd/system/unwind-lab-hostkeys.service "$root/etc/systemd/system/multi-user.target.wants/unwind-lab-hostkeys.service"
rm -f "$root"/etc/ssh/ssh_host_*
# what a container has no use for (no consoles, no udev, no kernel modules, a read-only /sys)
for unit in console-getty.service getty@.service getty.target systemd-udevd.service systemd-udev-trigger.service \
    systemd-modules-load.service systemd-remount-fs.service sys-kernel-config.mount sys-kernel-debug.mount \
    sys-kernel-tracing.mount systemd-firstboot.service apt-daily.timer apt-daily-upgrade.timer \
    e2scrub_all.timer fstrim.timer; do
  ln -sf /dev/null "$root/etc/systemd/system/$unit"
done
: >"$root/etc/machine-id"   # each node's systemd makes its own
rm -f "$root/var/lib/dbus/machine-id"
echo unwind-lab-node >"$root/etc/hostname"
chroot "$root" useradd -m -u 1000 -s /bin/bash -G sudo,docker lab
chroot "$root" passwd -d lab >/dev/null   # no password, yet not locked: key logins work, password logins cannot
install -d -m 0700 -o 1000 -g 1000 "$root/home/lab/.ssh"
echo 'lab ALL=(ALL) NOPASSWD: ALL' >"$root/etc/sudoers.d/lab"
chmod 0440 "$root/etc/sudoers.d/lab"
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/var/log/*.log

tar --numeric-owner -C "$root" -c . | docker import \
  -c 'CMD ["/sbin/init"]' -c 'ENV container=docker' \
  -c "LABEL dev.unwind.lab.node=$SUITE dev.unwind.lab.ucp-version=$UCP_VERSION" - "$tag" >/dev/null

# earlier node images are stale now
docker image ls --filter "label=dev.unwind.lab.node" --format '{{.Repository}}:{{.Tag}}' | grep -vx "$tag" \
  | xargs -r docker rmi >/dev/null 2>&1 || true
docker image prune -f --filter "label=dev.unwind.lab.standin" >/dev/null 2>&1 || true
log "built $tag in $(( $(date +%s) - started )) s"
echo "$tag"

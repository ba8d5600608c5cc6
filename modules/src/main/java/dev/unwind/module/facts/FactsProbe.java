package dev.unwind.module.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one shell script prints about a host, for {@link Facts}: {@code key=value} lines (a key may repeat) and the
 * host's environment after an {@code @env} line. Plain POSIX sh and coreutils, iproute2 where present, nothing else.
 */
record FactsProbe(Map<String, List<String>> values, Map<String, String> env) {
    static final String SCRIPT = String.join("\n",
            "u=$(uname -n); echo \"nodename=$u\"; echo \"kernel=$(uname -r)\"; echo \"kernel_version=$(uname -v)\"",
            "echo \"machine=$(uname -m)\"; echo \"system=$(uname -s)\"; echo \"bits=$(getconf LONG_BIT 2>/dev/null)\"",
            "if [ -r /etc/os-release ]; then (. /etc/os-release; echo \"id=$ID\"; echo \"version=$VERSION_ID\"; echo \"like=$ID_LIKE\";"
                    + " echo \"codename=$VERSION_CODENAME\"); fi",
            "[ -r /etc/debian_version ] && echo \"debian_version=$(cat /etc/debian_version)\"",
            "echo \"proc1=$(cat /proc/1/comm 2>/dev/null)\"; [ -d /run/systemd/system ] && echo systemd_running=1",
            "for m in apt-get dnf yum zypper apk pacman; do command -v $m >/dev/null 2>&1 && echo \"pkg=$m\"; done",
            // the interpreter Ansible's discovery picks first on Debian-like hosts, else the one on PATH; Ansible's
            // distribution_version comes from that interpreter's own `distro` where it has one (not from Ansible's copy)
            "py=/usr/bin/python3; [ -x $py ] || py=$(command -v python3 2>/dev/null); [ -n \"$py\" ] &&"
                    + " $py -c 'import sys, importlib.util as u; print(\"python=%d.%d.%d\" % sys.version_info[:3]);"
                    + " u.find_spec(\"distro\") and print(\"distro_version=\" + __import__(\"distro\").version(best=True))' 2>/dev/null",
            "command -v lsb_release >/dev/null 2>&1 && echo \"lsb_release=$(lsb_release -s -r 2>/dev/null)\"",
            "[ -e /sys/fs/selinux/enforce ] && echo \"selinux=$(cat /sys/fs/selinux/enforce)\"",
            "[ -d /sys/kernel/security/apparmor ] && echo apparmor=1",
            "[ -e /.dockerenv ] && echo virt=docker; [ -e /run/.containerenv ] && echo virt=podman",
            "grep -qa 'container=lxc' /proc/1/environ 2>/dev/null && echo virt=lxc",
            "grep -E '^(MemTotal|MemFree|SwapTotal|SwapFree):' /proc/meminfo | sed 's/^\\([A-Za-z]*\\): *\\([0-9]*\\).*/mem_\\1=\\2/'",
            "echo \"vcpus=$(grep -c '^processor' /proc/cpuinfo)\"; echo \"sockets=$(grep '^physical id' /proc/cpuinfo | sort -u | wc -l)\"",
            "echo \"cores=$(grep -m1 '^cpu cores' /proc/cpuinfo | sed 's/.*: *//')\"; echo \"nproc=$(nproc 2>/dev/null)\"",
            "echo \"uid=$(id -u)\"; echo \"gid=$(id -g)\"; echo \"passwd=$(getent passwd \"$(id -u)\")\"",
            "a=$(getent hosts \"$u\" | awk '{print $1; exit}'); [ -n \"$a\" ] && echo \"reverse=$(getent hosts \"$a\" | head -1)\"",
            "command -v ip >/dev/null 2>&1 && { echo \"route4=$(ip -4 route get 8.8.8.8 2>/dev/null | head -1)\";"
                    + " echo \"route6=$(ip -6 route get 2404:6800:400a:800::1012 2>/dev/null | head -1)\";"
                    + " ip -o addr show 2>/dev/null | sed 's/^/addr=/'; }",
            // a bridge or a bond is typed by its sysfs folder, as Ansible types it, whatever its link type
            "for i in /sys/class/net/*; do [ -e \"$i\" ] || continue; k=-; [ -d $i/bridge ] && k=bridge; [ -d $i/bonding ] && k=bonding;"
                    + " echo \"link=${i##*/} $(cat $i/address 2>/dev/null) $(cat $i/mtu 2>/dev/null) $(cat $i/type 2>/dev/null) $k\"; done",
            "[ -r /etc/machine-id ] && echo \"machine_id=$(cat /etc/machine-id)\"",
            "for k in sys_vendor product_name; do echo \"dmi_$k=$(cat /sys/devices/virtual/dmi/id/$k 2>/dev/null)\"; done",
            // a bind mount (its root inside the file system is not /) gets ',bind', as Ansible marks it
            "awk '$1 ~ /^\\// {print $1, $2, $3, $4}' /proc/mounts 2>/dev/null | while read -r d m t o; do"
                    + " r=$(awk -v m=\"$m\" '$5 == m {print $4; exit}' /proc/self/mountinfo 2>/dev/null);"
                    + " [ -n \"$r\" ] && [ \"$r\" != / ] && o=\"$o,bind\";"
                    + " echo \"mount=$d $m $t $o $(stat -f -c '%S %b %a %f %s %c %d' \"$m\" 2>/dev/null)\"; done",
            "echo \"date=$(date '+%Y|%m|%d|%H|%M|%S|%Z|%z|%A|%w|%W|%s|%N')\"",
            "echo @env; env");

    static FactsProbe parse(String out) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        boolean inEnv = false;
        for (String line : out.split("\n")) {
            if (line.equals("@env")) {
                inEnv = true;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            if (inEnv) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            } else {
                values.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
        }
        return new FactsProbe(values, env);
    }

    String one(String key) {
        List<String> v = values.get(key);
        return v == null || v.isEmpty() ? "" : v.get(0).strip();
    }

    List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }
}

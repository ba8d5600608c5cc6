#!/bin/sh
if [ "$1" = "--list" ]; then
cat <<'JSON'
{"web": {"hosts": ["w1", "w2"], "vars": {"http_port": 80}, "children": ["lb"]},
 "lb": ["lb1"],
 "flat": {"flatvar": 1},
 "_meta": {"hostvars": {"w1": {"role": "primary"}, "lb1": {"vip": "10.0.0.100"}}}}
JSON
else
echo '{}'
fi

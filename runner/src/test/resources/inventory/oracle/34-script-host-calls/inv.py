#!/usr/bin/env python3
import json, sys
if sys.argv[1] == "--list":
    print(json.dumps({"app": {"hosts": ["a1", "a2"]}, "db": {"hosts": ["d1"], "vars": {"engine": "pg"}}}))
elif sys.argv[1] == "--host":
    print(json.dumps({"asked_for": sys.argv[2], "n": len(sys.argv[2])}))

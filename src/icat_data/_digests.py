# Written by tools/regenerate.py; do not edit. The SHA-256 that the package's own code
# vouches for: records.pickle is checked against it before it is unpickled, and
# SHA256SUMS (every other packaged file's SHA-256) by verify().
COMPILED_SHA256 = "5e96e15a037654f0c2b7df17089d957a3b2e5eda2400ddd36fac4c16bdb22d5a"
SUMS_SHA256 = "2edfd6a48cc5feb6e4d734ba02d61ef5cde3a2424e1bab356504acd934123eed"

# Written by tools/regenerate.py; do not edit. The SHA-256 that the package's own code
# vouches for: records.pickle is checked against it before it is unpickled, and
# SHA256SUMS (every other packaged file's SHA-256) by verify().
COMPILED_SHA256 = "ef8225bc802414febbe0e256d930265e8a2c800eb4476ed5023c645d3b1deec3"
SUMS_SHA256 = "3abd3bfcd0b01fc4d2f6f351cc51b07c6b945fe172425ff196ce5cd6e4098fdf"

# Written by tools/regenerate.py; do not edit. The SHA-256 that the package's own code
# vouches for: records.pickle is checked against it before it is unpickled, and
# SHA256SUMS (every other packaged file's SHA-256) by verify().
COMPILED_SHA256 = "b38f284fd10f57e4c1314241585946cebb85eaf08c21185d1a6befd9e60da85b"
SUMS_SHA256 = "49acdd0cca1b01d3922b229a49f8454196312a26dce1b93f81ecf191148d2e8b"

# Written by tools/regenerate.py; do not edit. The SHA-256 that the package's own code
# vouches for: records.pickle is checked against it before it is unpickled, and
# SHA256SUMS (every other packaged file's SHA-256) by verify().
COMPILED_SHA256 = "f7b1434745794c60f0036c1f16e17d46bb29f64c9147b623a1283b1c5da89370"
SUMS_SHA256 = "7327ffaf781b86a63130d2888614fad918af30f94854834eb2af224921e3dc0e"

# Written by tools/regenerate.py; do not edit. The SHA-256 that the package's own code
# vouches for: records.pickle is checked against it before it is unpickled, and
# SHA256SUMS (every other packaged file's SHA-256) by verify().
COMPILED_SHA256 = "3aeaf9b06cffb3466acf91dcf6efd563da27249fd99076ffe9a261f19afc5033"
SUMS_SHA256 = "ab49ff0b840d73c6c74f84a21c990ce4adc49b096e763268ad6142ba3b4b94f6"

# Written by tools/regenerate.py; do not edit. The SHA-256 that the package's own code
# vouches for: records.pickle is checked against it before it is unpickled, and
# SHA256SUMS (every other packaged file's SHA-256) by verify().
COMPILED_SHA256 = "3e2fa1de69a2840177bf9dd5ac73f05903bb58ff89289dd6bf53c5e533c28cc2"
SUMS_SHA256 = "284dacf9b2a8621266d348a342667ce319573c7f2a48beccdd8d219e94c2c88c"

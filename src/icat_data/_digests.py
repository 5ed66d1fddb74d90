# Written by tools/regenerate.py; do not edit. The SHA-256 that the package's own code
# vouches for: records.pickle is checked against it before it is unpickled, and
# SHA256SUMS (every other packaged file's SHA-256) by verify().
COMPILED_SHA256 = "e7154199741a772ad8d183e6282fab254a99d25c27386dee09fa5eee5558c7ff"
SUMS_SHA256 = "67ca560d92a470feecc5f03f54ec4bfb28887e6af92cdca1e8371bf6f806defc"

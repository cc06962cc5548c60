#!/bin/sh
# Lints what of the worker image can be checked without a container engine: its shell scripts
# (shellcheck, Debian package "shellcheck") and the stand-in bzt of the tests (python3).
set -eu
cd "$(dirname "$0")"
shellcheck --shell=sh lint.sh docker/dlt-bzt
python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' src/test/resources/taurus/standin-bzt.py
echo "lint: shellcheck and the python syntax check passed"

#!/bin/sh
# Side-by-side benchmark of brief and Hugo on generated corpora.
# Installs Hugo (go install github.com/gohugoio/hugo@v0.165.0, or Debian's
# hugo package as a fallback) when it is missing. Arguments go to
# bench/compare, e.g.:
#
#   bench/compare.sh -n 1000,10000 -runs 5
#   bench/compare.sh -shape default,wire -n 10000,50000,100000 -hugo-max 50000 -runs 3 -reload-max 10000 -work /tmp/brief-compare
set -eu
cd "$(dirname "$0")/.."
exec go run ./bench/compare "$@"

#!/usr/bin/env bash
# Writes the test fixture of the fashion-mnist reader from the real files: the first 40 training
# garments (IDX, gzipped, as the Debian package ships them) and the first 20 test garments (IDX
# unpacked, as other copies are), so that the suite reads both forms. Both cover all ten classes.
# Fashion-MNIST is MIT-licensed (Zalando SE). Usage: make-fixture.sh [SOURCE_DIR] [OUT_DIR]
# no pipefail: head closing the pipe stops zcat with SIGPIPE, which is expected here
set -eu
src=${1:-/usr/share/datasets/fashion-mnist}
out=${2:-$(dirname "$0")}
be32() { printf "\\x$(printf %02x $(($1>>24&255)))\\x$(printf %02x $(($1>>16&255)))\\x$(printf %02x $(($1>>8&255)))\\x$(printf %02x $(($1&255)))"; }
# cut PREFIX COUNT GZIP: the first COUNT items of PREFIX's images and labels, header count rewritten
cut() {
  local prefix=$1 n=$2 gz=$3 tmp
  tmp=$(mktemp -d)
  { printf '\x00\x00\x08\x03'; be32 "$n"; be32 28; be32 28
    zcat "$src/$prefix-images-idx3-ubyte.gz" | tail -c +17 | head -c $((n * 784)); } > "$tmp/$prefix-images-idx3-ubyte"
  { printf '\x00\x00\x08\x01'; be32 "$n"
    zcat "$src/$prefix-labels-idx1-ubyte.gz" | tail -c +9 | head -c "$n"; } > "$tmp/$prefix-labels-idx1-ubyte"
  for f in "$tmp"/*; do
    if [ "$gz" = yes ]; then gzip -n -9 -c "$f" > "$out/$(basename "$f").gz"; else cp "$f" "$out/"; fi
  done
  rm -r "$tmp"
}
cut train 40 yes
cut t10k 20 no

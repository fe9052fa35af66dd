#!/usr/bin/env bash
# One reference row of CAL re-ID beside fga's (issue #25): raoyongming/CAL's own re-ID training
# (reid/tools/train.py with its configs/softmax_triplet.yml; METHOD cal-reid, or bap-reid: the same
# with MODEL.CAL False), one seed, on the cluttered Fashion-MNIST tops exported as a re-ID set in the
# Market-1501 layout, its result line appended to references/cal-reid/results/fashion-tops_<method>.jsonl
# (--regime plain64: 300 test identities, the garment alone filling most of a 64 px canvas, 160 epochs,
# the plain network: results/fashion-tops-plain64_<method>.jsonl; the regime where both sides learn).
# Usage, from the repository root:
#   references/cal-reid/rerun.sh [--regime cluttered|plain64] [cal-reid|bap-reid] SEED [CAL_CHECKOUT]
#   (the regime defaults to cluttered, METHOD to cal-reid)
# BLOCKS=plain runs the reference's network without its per-stage split-attention, BN and SE blocks
# and STEM_RELU=1 puts a ReLU after its stem (run_cal_reid.py, 11. and 12.; the line records both as
# "blocks" and "stemRelu"); the default is the reference as it is.
# Needs Debian's python3-torch python3-torchvision python3-pil python3-yaml python3-matplotlib and
# dataset-fashion-mnist. CAL_CHECKOUT defaults to ~/.cache/fga/CAL (cloned at the pinned commit).
set -euo pipefail
usage="usage: references/cal-reid/rerun.sh [--regime cluttered|plain64] [cal-reid|bap-reid] SEED [CAL_CHECKOUT]"
regime=cluttered
if [ "${1:-}" = --regime ]; then
  case "${2:-}" in cluttered|plain64) regime="$2"; shift 2 ;;
    *) echo "rerun.sh: --regime is cluttered or plain64, not '${2:-}' ($usage)" >&2; exit 2 ;; esac
fi
method=cal-reid
case "${1:?$usage}" in cal-reid|bap-reid) method="$1"; shift ;; esac
seed="${1:?$usage}"
[[ "$seed" =~ ^[0-9]+$ ]] || { echo "rerun.sh: SEED must be a number, got '$seed' ($usage)" >&2; exit 2; }
case "${2:-}" in cal-reid|bap-reid) echo "rerun.sh: METHOD goes before SEED ($usage)" >&2; exit 2 ;; esac
# plain64 compares like with like: the plain network with its stem ReLU, which is fga's
if [ "$regime" = plain64 ]; then BLOCKS="${BLOCKS:-plain}" STEM_RELU="${STEM_RELU:-1}"; fi
blocks="${BLOCKS:-reference}"
case "$blocks" in reference|plain) ;; *) echo "rerun.sh: BLOCKS is reference or plain, not '$blocks'" >&2; exit 2 ;; esac
case "${STEM_RELU:-0}" in 0) stem=(); variant="" ;; 1) stem=(--stem-relu); variant="_stem-relu" ;;
  *) echo "rerun.sh: STEM_RELU is 0 or 1, not '$STEM_RELU'" >&2; exit 2 ;; esac
[ "$blocks" = plain ] && variant="_plain$variant"
[ -f references/common.sh ] && [ -x ./fga ] || { echo "rerun.sh: run it from the repository root (no ./fga or references/common.sh here)" >&2; exit 2; }
source references/common.sh
repo="${2:-$HOME/.cache/fga/CAL}"
checkout https://github.com/raoyongming/CAL 0ba9d5084f2532eeb21c9ef051c23f8b339595ff "$repo" reid

# cluttered: the re-ID set of configs/cal/fashion/{cal,bap}-reid_fashion-tops.yaml (every key of its
# data block that a re-ID set reads, the size as its imageSize key), written as Market-1501: 300 x 4
# training images, 100 queries, 300 gallery views of the query identities and 300 distractors
# (person 0000), 8 epochs. plain64: the same garments' identities, 300 queries and 900 gallery
# views, each view the garment alone at 40-56 px somewhere on a black 64 px canvas, the yml's 160 epochs.
if [ "$regime" = plain64 ]; then
  data=data/fashion-tops-market-plain64 size=64 epochs=160 tag=fashion-tops-plain64 spec_regime=-plain64
  tests=300 garment="40, 56" clutter=0 images=2700
else
  data=data/fashion-tops-market size=96 epochs=8 tag=fashion-tops spec_regime=
  tests=100 garment="28, 36" clutter=8 images=1900
fi
count_images() { find "$data" -name '*.jpg' 2>/dev/null | wc -l; }
if [ "$(count_images)" -ne "$images" ]; then
  ./fga data synth --dataset fashion-mnist --layout market --out "$data" --seed 24 -o imageSize=$size \
    -o classes=[tops] -o heldOut=5000 -o identities=300 -o testIdentities=$tests -o views=4 -o distractors=300 \
    -o "cluttered={garmentSize: [$garment], placement: anywhere, clutter: $clutter, clutterSize: 8, background: none}" > /dev/null \
    || { echo "rerun.sh: ./fga data synth could not write $data (its message is above)" >&2; exit 2; }
fi
[ "$(count_images)" -eq "$images" ] || { echo "rerun.sh: $data holds $(count_images) images, not $images; remove it and rerun" >&2; exit 2; }
require_weights "./fga train configs/cal/fashion/reference/${method}_fashion-tops${spec_regime}_market-export.yaml"

results="references/cal-reid/results/${tag}_$method.jsonl"
OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" /usr/bin/python3 references/cal-reid/run_cal_reid.py --repo "$repo" \
  --data "$data" --weights "$weights" --method "$method" --blocks "$blocks" "${stem[@]}" --epochs "$epochs" --batch 32 \
  --image-size "$size" --seed "$seed" --threads "${OMP_NUM_THREADS:-1}" --out "$results" \
  > "references/cal-reid/results/${tag}_${method}${variant}_seed$seed.log" 2>&1 \
  || { echo "rerun.sh: the run failed; its log is references/cal-reid/results/${tag}_${method}${variant}_seed$seed.log" >&2; exit 1; }
tail -n 1 "$results" | /usr/bin/python3 -c 'import json, sys; d = json.loads(sys.stdin.read()); print(d["method"], d["blocks"], "stemRelu" if d["stemRelu"] else "", "seed", d["seed"], "mAP", round(d["mAP"], 4), "rank-1", round(d["rank1"], 4))'

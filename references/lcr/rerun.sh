#!/usr/bin/env bash
# One reference row of the LCR comparison (issue #25): GANPerf/LCR's own BYOL training loop (METHOD
# lcr-byol, or byol: the same loop without its rationale term), one seed, on the exported cluttered
# Fashion-MNIST files, its result line appended to references/lcr/results/fashion-tops_<method>.jsonl
# (--regime plain32: the plain four tops at 32 px, results/fashion-tops-plain32_<method>.jsonl).
# Usage, from the repository root:
#   references/lcr/rerun.sh [--regime cluttered|plain32] [lcr-byol|byol] SEED [LCR_CHECKOUT]
#   (REGIME defaults to cluttered, METHOD to lcr-byol)
# The recipe is fga's configs/ssl/fashion/byol_fashion-tops.yaml (6 epochs, batch 32, LARS rate 1.0,
# 1 warm-up epoch, 96 px, heads 256/64, branch 16; probe 30 epochs, batch 64, rate 30).
# Needs Debian's python3-torch python3-torchvision python3-pil python3-tqdm python3-yaml and
# dataset-fashion-mnist. LCR_CHECKOUT defaults to ~/.cache/fga/LCR (cloned at the pinned commit).
set -euo pipefail
usage="usage: references/lcr/rerun.sh [--regime cluttered|plain32] [lcr-byol|byol] SEED [LCR_CHECKOUT]"
pin=fe591d4ee9b6dccba8710f9f73ef41b9a129f013
regime=cluttered
if [ "${1:-}" = --regime ]; then
  case "${2:-}" in cluttered|plain32) regime="$2"; shift 2 ;;
    *) echo "rerun.sh: --regime is cluttered or plain32, not '${2:-}' ($usage)" >&2; exit 2 ;; esac
fi
method=lcr-byol
case "${1:-}" in lcr-byol|byol) method="$1"; shift ;; esac
[ -n "${1:-}" ] || { echo "rerun.sh: SEED is missing ($usage)" >&2; exit 2; }
seed="$1"
[[ "$seed" =~ ^[0-9]+$ ]] || { echo "rerun.sh: SEED must be a number, got '$seed' ($usage)" >&2; exit 2; }
case "${2:-}" in lcr-byol|byol) echo "rerun.sh: METHOD goes before SEED ($usage)" >&2; exit 2 ;; esac
[ -f references/common.sh ] || { echo "rerun.sh: run it from the repository root ($usage)" >&2; exit 2; }
source references/common.sh
repo="${2:-$HOME/.cache/fga/LCR}"
# a failed clone (no network) ends in the one-line error below, not in git's messages and status
if [ -e "$repo/main.py" ]; then
  checkout https://github.com/GANPerf/LCR "$pin" "$repo" main.py
else
  checkout https://github.com/GANPerf/LCR "$pin" "$repo" main.py 2>/dev/null || true
fi
[ -f "$repo/main.py" ] && [ -f "$repo/models/byol.py" ] \
  || { echo "rerun.sh: no GANPerf/LCR checkout at $repo (clone https://github.com/GANPerf/LCR there at $pin)" >&2; exit 2; }
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
if [ "$regime" = plain32 ]; then
  # the plain tops filling a 32 px canvas (configs/ssl/fashion/reference/*-plain32_cub-export.yaml)
  data=data/fashion-tops-plain32-cub size=32 tag=fashion-tops-plain32 spec_regime=-plain32
  export_fashion cub "$data" images.txt 32 "28, 32" 0
else
  data=data/fashion-tops-cub size=96 tag=fashion-tops spec_regime=
  export_fashion cub "$data" images.txt
fi
for f in images.txt image_class_labels.txt train_test_split.txt classes.txt; do
  [ -f "$data/$f" ] || { echo "rerun.sh: $data has no $f (remove the folder and rerun to export it again)" >&2; exit 2; }
done
require_weights "./fga train configs/ssl/fashion/reference/${method}_fashion-tops${spec_regime}_cub-export.yaml"
results="references/lcr/results/${tag}_$method.jsonl"
log="references/lcr/results/${tag}_${method}_seed$seed.log"
mkdir -p references/lcr/results
OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" /usr/bin/python3 references/lcr/run_lcr.py --repo "$repo" --data "$data" \
  --weights "$weights" --method "$method" --epochs 6 --batch 32 --lr 1.0 --warmup-epochs 1 --image-size "$size" \
  --hidden 256 --projection 64 --branch-channels 16 --probe-epochs 30 --probe-batch 64 --probe-lr 30 \
  --seed "$seed" --threads "${OMP_NUM_THREADS:-1}" --out "$results" > "$log" 2>&1 \
  || { echo "rerun.sh: the run failed; its log is $log" >&2; exit 1; }
tail -n 1 "$results" | /usr/bin/python3 -c 'import json, sys; d = json.loads(sys.stdin.read()); print(d["method"], "seed", d["seed"], "retrieval top-1", d["top1"], "mAP", d["mAP"], "linear probe top-1", d["linearProbeTop1"])'

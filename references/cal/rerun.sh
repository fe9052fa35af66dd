#!/usr/bin/env bash
# One reference row of configs/cal/tables/fashion_{cal,wsdan}_reference.yaml: raoyongming/CAL's own
# training loop (METHOD cal, or wsdan: the same loop without the counterfactual term), one seed, on
# the exported cluttered Fashion-MNIST files, its result line appended to
# references/cal/results/fashion-tops_<method>.jsonl. Usage, from the repository root:
#   references/cal/rerun.sh [cal|wsdan] SEED [CAL_CHECKOUT]       (METHOD defaults to cal)
# DATA_ORDER=fixed keeps the reference's own training order (the same in every run) instead of one
# seeded by SEED (the default, as the tables use; run_cal_fgvc.py, redirection 10).
# Needs Debian's python3-torch python3-torchvision python3-pil python3-tqdm and
# dataset-fashion-mnist. CAL_CHECKOUT defaults to ~/.cache/fga/CAL (cloned at the pinned commit).
set -euo pipefail
usage="usage: references/cal/rerun.sh [cal|wsdan] SEED [CAL_CHECKOUT]"
method=cal
case "${1:?$usage}" in cal|wsdan) method="$1"; shift ;; esac
seed="${1:?$usage}"
[[ "$seed" =~ ^[0-9]+$ ]] || { echo "rerun.sh: SEED must be a number, got '$seed' ($usage)" >&2; exit 2; }
case "${2:-}" in cal|wsdan) echo "rerun.sh: METHOD goes before SEED ($usage)" >&2; exit 2 ;; esac
source references/common.sh
repo="${2:-$HOME/.cache/fga/CAL}"
checkout https://github.com/raoyongming/CAL 0ba9d5084f2532eeb21c9ef051c23f8b339595ff "$repo" fgvc
data=data/fashion-tops-cub
export_fashion cub "$data" images.txt
require_weights "./fga table --rows fga --seeds $seed configs/cal/tables/fashion_${method}_reference.yaml"
results="references/cal/results/fashion-tops_$method.jsonl"
OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" /usr/bin/python3 references/cal/run_cal_fgvc.py --repo "$repo" --data "$data" \
  --weights "$weights" --method "$method" --data-order "${DATA_ORDER:-seeded}" --epochs 12 --image-size 96 \
  --seed "$seed" --threads "${OMP_NUM_THREADS:-1}" --out "$results" \
  > "references/cal/results/${method}_seed$seed.log" 2>&1
tail -n 1 "$results" | /usr/bin/python3 -c 'import json, sys; d = json.loads(sys.stdin.read()); print(d["method"], "seed", d["seed"], "top-1", d["top1"], "best epoch", d["top1Best"])'

#!/usr/bin/env bash
# One reference row of configs/cal/tables/fashion_cal_reference.yaml: raoyongming/CAL's own
# training loop, one seed, on the exported cluttered Fashion-MNIST files, its result line appended
# to references/cal/results/fashion-tops_cal.jsonl. Usage, from the repository root:
#   references/cal/rerun.sh SEED [CAL_CHECKOUT]
# Needs Debian's python3-torch python3-torchvision python3-pil python3-tqdm and
# dataset-fashion-mnist. CAL_CHECKOUT defaults to ~/.cache/fga/CAL (cloned at the pinned commit).
set -euo pipefail
seed="${1:?usage: references/cal/rerun.sh SEED [CAL_CHECKOUT]}"
source references/common.sh
repo="${2:-$HOME/.cache/fga/CAL}"
checkout https://github.com/raoyongming/CAL 0ba9d5084f2532eeb21c9ef051c23f8b339595ff "$repo" fgvc
data=data/fashion-tops-cub
export_fashion cub "$data" images.txt
require_weights "./fga table --rows fga --seeds $seed configs/cal/tables/fashion_cal_reference.yaml"
OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" /usr/bin/python3 references/cal/run_cal_fgvc.py --repo "$repo" --data "$data" \
  --weights "$weights" --epochs 12 --image-size 96 --seed "$seed" --threads "${OMP_NUM_THREADS:-1}" \
  --out references/cal/results/fashion-tops_cal.jsonl 2> "references/cal/results/seed$seed.log"

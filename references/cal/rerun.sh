#!/usr/bin/env bash
# One reference row of configs/cal/tables/fashion_cal_reference.yaml: raoyongming/CAL's own
# training loop, one seed, on the exported cluttered Fashion-MNIST files, its result line appended
# to references/cal/results/fashion-tops_cal.jsonl. Usage, from the repository root:
#   references/cal/rerun.sh SEED [CAL_CHECKOUT]
# Needs Debian's python3-torch python3-torchvision python3-pil python3-tqdm and
# dataset-fashion-mnist. CAL_CHECKOUT defaults to ~/.cache/fga/CAL (cloned at the pinned commit).
set -euo pipefail
seed="${1:?usage: references/cal/rerun.sh SEED [CAL_CHECKOUT]}"
pinned=0ba9d5084f2532eeb21c9ef051c23f8b339595ff
repo="${2:-$HOME/.cache/fga/CAL}"
if [ ! -d "$repo/fgvc" ]; then
  git clone -q https://github.com/raoyongming/CAL "$repo"
fi
git -C "$repo" checkout -q "$pinned" 2>/dev/null || echo "rerun.sh: $repo is not a git checkout; using it as it is (it must be CAL at $pinned)" >&2
data=data/fashion-tops-cub
if [ ! -f "$data/images.txt" ]; then
  ./fga data synth --dataset fashion-mnist --layout cub --out "$data" --image-size 96 --train-size 1600 \
    --val-size 400 --test-size 1000 --seed 24 -o classes=[tops] -o heldOut=5000 \
    -o "cluttered={garmentSize: [28, 36], placement: anywhere, clutter: 8, clutterSize: 8, background: none}" > /dev/null
fi
weights=runs/pretrain/pretrain_resnet18-w16_fashion32/backbone.safetensors
if [ ! -f "$weights" ]; then
  echo "rerun.sh: $weights is made by fga's first run that needs it; run fga's row first:" >&2
  echo "  ./fga table --rows fga --seeds $seed configs/cal/tables/fashion_cal_reference.yaml" >&2
  exit 2
fi
OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" /usr/bin/python3 references/cal/run_cal_fgvc.py --repo "$repo" --data "$data" \
  --weights "$weights" --epochs 12 --image-size 96 --seed "$seed" --threads "${OMP_NUM_THREADS:-1}" \
  --out references/cal/results/fashion-tops_cal.jsonl 2> "references/cal/results/seed$seed.log"

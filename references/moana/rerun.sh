#!/usr/bin/env bash
# One reference row of configs/rfga/tables/fashion_{cam,rfga}_reference.yaml: ku-milab/MoANA's own
# training loop and evaluation (CAM or RFGA), one seed, on the exported cluttered Fashion-MNIST
# files, its result line appended to references/moana/results/fashion-tops_<method>.jsonl.
# Usage, from the repository root:
#   references/moana/rerun.sh METHOD SEED [MOANA_CHECKOUT]      (METHOD: cam, rfga or rfga-in-order)
# Needs Debian's python3-torch python3-torchvision python3-opencv python3-munch python3-pil and
# dataset-fashion-mnist. MOANA_CHECKOUT defaults to ~/.cache/fga/MoANA (cloned at the pinned commit).
set -euo pipefail
# rfga-in-order: the diagnostic of run_moana_in_order.py (in order, no random crop or flip), its
# line in results/fashion-tops_rfga_in-order.jsonl.
method="${1:?usage: references/moana/rerun.sh cam|rfga|rfga-in-order SEED [MOANA_CHECKOUT]}"
seed="${2:?usage: references/moana/rerun.sh cam|rfga|rfga-in-order SEED [MOANA_CHECKOUT]}"
case "$method" in cam|rfga|rfga-in-order) ;; *) echo "rerun.sh: METHOD is cam, rfga or rfga-in-order, not $method" >&2; exit 2 ;; esac
harness=run_moana.py table="fashion_${method}_reference" model="$method" results="fashion-tops_$method"
if [ "$method" = rfga-in-order ]; then
  harness=run_moana_in_order.py table=fashion_rfga_reference_in-order model=rfga results=fashion-tops_rfga_in-order
fi
source references/common.sh
repo="${3:-$HOME/.cache/fga/MoANA}"
checkout https://github.com/ku-milab/MoANA 4820e1f309616dee26faae5c906583aa192516dc "$repo" Localization
data=data/fashion-tops-wsol
export_fashion wsol "$data" metadata/test/localization.txt
require_weights "./fga table --rows fga --seeds $seed configs/rfga/tables/$table.yaml"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
# the new layers' starting draws of this seed, for fga's matched-init run of the same seed
/usr/bin/python3 references/moana/dump_init.py --repo "$repo" --method "$model" --seed "$seed" --weights "$weights" \
  --num-classes 4 --out "references/moana/results/init/${model}_s$seed.safetensors" > /dev/null
/usr/bin/python3 "references/moana/$harness" --repo "$repo" --data "$data" --weights "$weights" \
  --method "$model" --seed "$seed" --epochs 6 --batch-size 32 --crop-size 96 \
  --out "references/moana/results/runs/${method}_s$seed" \
  --results "references/moana/results/$results.jsonl" > "references/moana/results/${method}_seed$seed.log" 2>&1
tail -1 "references/moana/results/${method}_seed$seed.log"

#!/usr/bin/env bash
# Cross-evaluation of CAL re-ID in the plain64 regime (issue #25): for one seed, fga's trained model
# and the reference's trained model, each scored by fga's evaluator and by the reference's own test
# code (R1_mAP), one JSON line appended to references/cal-reid/results/fashion-tops-plain64_cross-eval.jsonl.
# Usage, from the repository root, after fga's row of that seed exists
# (./fga table configs/cal/tables/fashion-plain64_cal-reid_reference.yaml --rows fga --seeds SEED):
#   references/cal-reid/cross_eval.sh SEED [CAL_CHECKOUT]
# The reference's model is trained again for this (cross_eval.py train: run_cal_reid.py unchanged,
# the same arguments as `rerun.sh --regime plain64 cal-reid SEED`, ~7-8 min on one thread); the line
# records its mAP beside the committed result line of that seed, which it should equal (the run is
# seeded and single-threaded). The exports stay in runs/cross-eval/cal-reid-plain64/.
set -euo pipefail
usage="usage: references/cal-reid/cross_eval.sh SEED [CAL_CHECKOUT]"
seed="${1:?$usage}"
[[ "$seed" =~ ^[0-9]+$ ]] || { echo "cross_eval.sh: SEED must be a number, got '$seed' ($usage)" >&2; exit 2; }
[ -f references/common.sh ] && [ -x ./fga ] || { echo "cross_eval.sh: run it from the repository root" >&2; exit 2; }
source references/common.sh
repo="${2:-$HOME/.cache/fga/CAL}"
checkout https://github.com/raoyongming/CAL 0ba9d5084f2532eeb21c9ef051c23f8b339595ff "$repo" reid
data=data/fashion-tops-market-plain64
table=configs/cal/tables/fashion-plain64_cal-reid_reference.yaml
run="runs/tables/cal/fashion-plain64_cal-reid_reference/fga__mAP-s$seed"
committed=references/cal-reid/results/fashion-tops-plain64_cal-reid.jsonl
results=references/cal-reid/results/fashion-tops-plain64_cross-eval.jsonl
out="runs/cross-eval/cal-reid-plain64"
[ -f "$run/metrics.json" ] || { echo "cross_eval.sh: no finished fga run $run; make it first: ./fga table $table --rows fga --seeds $seed" >&2; exit 2; }
[ -d "$data/query" ] || { echo "cross_eval.sh: no $data; make it first: references/cal-reid/rerun.sh --regime plain64 cal-reid $seed" >&2; exit 2; }
require_weights "./fga table $table --rows fga --seeds $seed"
for side in fga reference; do
  [ ! -e "$out/${side}_s$seed" ] || { echo "cross_eval.sh: $out/${side}_s$seed exists; remove it to run seed $seed again" >&2; exit 2; }
done
mkdir -p "$out"

./fga features "$run" --out "$out/fga_s$seed" > /dev/null
OMP_NUM_THREADS=1 /usr/bin/python3 references/cal-reid/cross_eval.py train --features "$out/reference_s$seed" \
  --repo "$repo" --data "$data" --weights "$weights" --method cal-reid --blocks plain --stem-relu --epochs 160 \
  --batch 32 --image-size 64 --seed "$seed" --threads 1 --out "$out/reference_s$seed.jsonl" \
  > "$out/reference_s$seed.log" 2>&1 \
  || { echo "cross_eval.sh: the reference's run failed; its log is $out/reference_s$seed.log" >&2; exit 1; }

fga_eval() {  # the export in $1 through fga eval reid
  ./fga eval reid --query-features "$1/query_features.npy" --gallery-features "$1/gallery_features.npy" \
    --query-ids "$1/query_labels.npy" --gallery-ids "$1/gallery_labels.npy" \
    --query-cams "$1/query_cams.npy" --gallery-cams "$1/gallery_cams.npy" 2> /dev/null
}
ref_eval() {  # the export in $1 through the reference's R1_mAP
  /usr/bin/python3 references/cal-reid/cross_eval.py score "$1" --repo "$repo"
}
FGA_FGA="$(fga_eval "$out/fga_s$seed")" FGA_REF="$(ref_eval "$out/fga_s$seed")" \
REF_FGA="$(fga_eval "$out/reference_s$seed")" REF_REF="$(ref_eval "$out/reference_s$seed")" \
RUN_METRICS="$run/metrics.json" RERUN="$out/reference_s$seed.jsonl" COMMITTED="$committed" SEED="$seed" \
/usr/bin/python3 - >> "$results" <<'EOF'
import json, os
def fga(text):  # fga eval reid's output: mAP and the CMC from rank 1
    d = json.loads(text)
    return {"mAP": d["mAP"], "rank1": d["cmc"][0], "rank5": d["cmc"][4], "rank10": d["cmc"][9]}
def ref(text):
    d = json.loads(text)
    return {k: d[k] for k in ("mAP", "rank1", "rank5", "rank10")}
seed = int(os.environ["SEED"])
m = json.load(open(os.environ["RUN_METRICS"]))["metrics"]["reid"]
rerun = json.loads(open(os.environ["RERUN"]).read().splitlines()[-1])
committed = [json.loads(l) for l in open(os.environ["COMMITTED"]) if l.strip()]
committed = [c for c in committed if c["seed"] == seed and c.get("blocks") == "plain" and c.get("stemRelu")]
keys = ("mAP", "rank1", "rank5", "rank10")
print(json.dumps({
    "regime": "plain64", "method": "cal-reid", "seed": seed,
    "fgaModel": {"fgaRun": {"mAP": m["mAP"], "rank1": m["cmc"][0], "rank5": m["cmc"][4], "rank10": m["cmc"][9]},
                 "fgaEvaluator": fga(os.environ["FGA_FGA"]), "referenceEvaluator": ref(os.environ["FGA_REF"])},
    "referenceModel": {"referenceRun": {k: rerun[k] for k in keys},
                       "committedLine": {k: committed[-1][k] for k in keys} if committed else None,
                       "fgaEvaluator": fga(os.environ["REF_FGA"]), "referenceEvaluator": ref(os.environ["REF_REF"])},
    "harnessSha256": rerun["harnessSha256"],
}))
EOF
tail -n 1 "$results" | /usr/bin/python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
for side in ("fgaModel", "referenceModel"):
    print(side, " ".join(f"{k}: mAP {v[\"mAP\"]:.4f} rank-1 {v[\"rank1\"]:.4f}" for k, v in d[side].items() if v))'

#!/usr/bin/env bash
# Cross-evaluation of CAL re-ID in the plain64 regime (issue #25), one seed: fga's trained model and
# the reference's trained model, each through both sides' test (loader, transforms, forward with the
# mirror) and each test's features through both evaluators (fga eval reid; the reference's R1_mAP).
# One JSON line is appended to references/cal-reid/results/fashion-tops-plain64_cross-eval.jsonl.
# Usage, from the repository root, after fga's row of that seed exists
# (./fga table configs/cal/tables/fashion-plain64_cal-reid_reference.yaml --rows fga --seeds SEED):
#   references/cal-reid/cross_eval.sh SEED [CAL_CHECKOUT]
# The reference's model is trained again for this (cross_eval.py train: run_cal_reid.py unchanged,
# the arguments of `rerun.sh --regime plain64 cal-reid SEED`, ~7-8 min on one thread); the line
# records its numbers beside the committed result line of that seed, which they should equal (the
# run is seeded and single-threaded). The exports stay in runs/cross-eval/cal-reid-plain64/.
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
out="runs/cross-eval/cal-reid-plain64/s$seed"
[ -f "$run/metrics.json" ] || { echo "cross_eval.sh: no finished fga run $run; make it first: ./fga table $table --rows fga --seeds $seed" >&2; exit 2; }
[ -d "$data/query" ] || { echo "cross_eval.sh: no $data; make it first: references/cal-reid/rerun.sh --regime plain64 cal-reid $seed" >&2; exit 2; }
require_weights "./fga table $table --rows fga --seeds $seed"
[ ! -e "$out" ] || { echo "cross_eval.sh: $out exists; remove it to run seed $seed again" >&2; exit 2; }
mkdir -p "$out"
harness=(--repo "$repo" --data "$data" --weights "$weights" --method cal-reid --blocks plain --stem-relu
         --batch 32 --image-size 64 --seed "$seed" --threads 1)
py() { OMP_NUM_THREADS=1 /usr/bin/python3 references/cal-reid/cross_eval.py "$@"; }

# the four exports: <model>-model_<test>-test
./fga features "$run" --out "$out/fga-model_fga-test" --with-model > /dev/null
py train --features "$out/reference-model_reference-test" "${harness[@]}" --epochs 160 \
  --out "$out/reference-run.jsonl" > "$out/reference-run.log" 2>&1 \
  || { echo "cross_eval.sh: the reference's run failed; its log is $out/reference-run.log" >&2; exit 1; }
py test --load "$out/fga-model_fga-test/model.safetensors" --features "$out/fga-model_reference-test" \
  "${harness[@]}" --epochs 1 --out "$out/reference-test-of-fga-model.jsonl" > "$out/reference-test-of-fga-model.log" 2>&1 \
  || { echo "cross_eval.sh: the reference's test of fga's model failed; its log is $out/reference-test-of-fga-model.log" >&2; exit 1; }
py convert "$out/reference-model_reference-test/model.pt" "$out/reference-model.safetensors" > /dev/null
./fga features "$run" --out "$out/reference-model_fga-test" --weights "$out/reference-model.safetensors" > /dev/null

# each export through both evaluators
for export in fga-model_fga-test fga-model_reference-test reference-model_reference-test reference-model_fga-test; do
  e="$out/$export"
  ./fga eval reid --query-features "$e/query_features.npy" --gallery-features "$e/gallery_features.npy" \
    --query-ids "$e/query_labels.npy" --gallery-ids "$e/gallery_labels.npy" \
    --query-cams "$e/query_cams.npy" --gallery-cams "$e/gallery_cams.npy" 2> /dev/null > "$e/fga-evaluator.json"
  py score "$e" --repo "$repo" > "$e/reference-evaluator.json"
done

OUT="$out" RUN_METRICS="$run/metrics.json" COMMITTED="$committed" SEED="$seed" /usr/bin/python3 - >> "$results" <<'EOF'
import json, os
import numpy as np
out, seed = os.environ["OUT"], int(os.environ["SEED"])
keys = ("mAP", "rank1", "rank5", "rank10")
def from_fga(d):  # fga's reid output: mAP and the CMC from rank 1
    return {"mAP": d["mAP"], "rank1": d["cmc"][0], "rank5": d["cmc"][4], "rank10": d["cmc"][9]}
def scored(export):
    e = os.path.join(out, export)
    return {"fgaEvaluator": from_fga(json.load(open(os.path.join(e, "fga-evaluator.json")))),
            "referenceEvaluator": {k: json.load(open(os.path.join(e, "reference-evaluator.json")))[k] for k in keys}}
def feature_gap(a, b):  # largest difference between the two tests' features of one model
    return max(float(np.abs(np.load(os.path.join(out, a, p + "_features.npy"))
                            - np.load(os.path.join(out, b, p + "_features.npy"))).max()) for p in ("query", "gallery"))
def same_rows(a, b):
    return all(open(os.path.join(out, a, p + "_images.txt")).read() == open(os.path.join(out, b, p + "_images.txt")).read()
               for p in ("query", "gallery"))
m = json.load(open(os.environ["RUN_METRICS"]))["metrics"]["reid"]
rerun = json.loads(open(os.path.join(out, "reference-run.jsonl")).read().splitlines()[-1])
committed = [json.loads(l) for l in open(os.environ["COMMITTED"]) if l.strip()]
committed = [c for c in committed if c["seed"] == seed and c.get("blocks") == "plain" and c.get("stemRelu")]
line = {
    "regime": "plain64", "method": "cal-reid", "seed": seed,
    "fgaModel": {
        "run": from_fga(m),
        "fgaTest": scored("fga-model_fga-test"), "referenceTest": scored("fga-model_reference-test"),
        "featureGap": feature_gap("fga-model_fga-test", "fga-model_reference-test"),
        "sameImageOrder": same_rows("fga-model_fga-test", "fga-model_reference-test")},
    "referenceModel": {
        "run": {k: rerun[k] for k in keys},
        "committedLine": {k: committed[-1][k] for k in keys} if committed else None,
        "referenceTest": scored("reference-model_reference-test"), "fgaTest": scored("reference-model_fga-test"),
        "featureGap": feature_gap("reference-model_reference-test", "reference-model_fga-test"),
        "sameImageOrder": same_rows("reference-model_reference-test", "reference-model_fga-test")},
    "harnessSha256": rerun["harnessSha256"],
    "crossEvalSha256": __import__("hashlib").sha256(open("references/cal-reid/cross_eval.py", "rb").read()).hexdigest(),
}
print(json.dumps(line))
for model in ("fgaModel", "referenceModel"):  # a summary on stderr
    m = line[model]
    cells = [f"{k} mAP {v['mAP']:.4f}" for k, v in m.items() if k in ("run", "committedLine") and v]
    for test in ("fgaTest", "referenceTest"):
        cells += [f"{test}/{ev} mAP {v['mAP']:.4f} rank-1 {v['rank1']:.4f}" for ev, v in m[test].items()]
    print(model + ": " + "; ".join(cells) + f"; feature gap {m['featureGap']:.1e}", file=__import__("sys").stderr)
EOF

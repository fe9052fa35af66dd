# What every references/<method>/rerun.sh does before it runs its harness; sourced, from the
# repository root. One place for the exported data's recipe (it must stay the one the fga side of
# each reference table reads: configs/baseline/fashion/baseline_resnet18-w16_fashion-tops.yaml).

# checkout URL PIN DIR MARKER: clones URL into DIR (unless DIR/MARKER exists) and checks out PIN
checkout() {
  local url="$1" pin="$2" dir="$3" marker="$4"
  if [ ! -e "$dir/$marker" ]; then
    git clone -q "$url" "$dir"
  fi
  git -C "$dir" checkout -q "$pin" 2>/dev/null \
    || echo "rerun.sh: $dir is not a git checkout; using it as it is (it must be $url at $pin)" >&2
}

# export_fashion LAYOUT DIR DONE [SIZE GARMENT CLUTTER]: writes the four tops in LAYOUT into DIR
# unless DIR/DONE exists; by default the cluttered 96 px canvases (garments of 28-36 px among 8
# patches), or SIZE px canvases with garments of GARMENT px (e.g. "28, 32") among CLUTTER patches
export_fashion() {
  local layout="$1" dir="$2" done="$3" size="${4:-96}" garment="${5:-28, 36}" clutter="${6:-8}"
  if [ ! -f "$dir/$done" ]; then
    ./fga data synth --dataset fashion-mnist --layout "$layout" --out "$dir" --image-size "$size" --train-size 1600 \
      --val-size 400 --test-size 1000 --seed 24 -o classes=[tops] -o heldOut=5000 \
      -o "cluttered={garmentSize: [$garment], placement: anywhere, clutter: $clutter, clutterSize: 8, background: none}" > /dev/null
  fi
}

# The pretrained backbone both sides start from; made by fga's first run that needs it.
weights=runs/pretrain/pretrain_resnet18-w16_fashion32/backbone.safetensors

# require_weights TABLE_COMMAND: stops with exit 2 when the backbone is not made yet, naming the command that makes it
require_weights() {
  if [ ! -f "$weights" ]; then
    echo "rerun.sh: $weights is made by fga's first run that needs it; run fga's row first:" >&2
    echo "  $1" >&2
    exit 2
  fi
}

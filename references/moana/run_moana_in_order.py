#!/usr/bin/env python3
"""A diagnostic beside run_moana.py, not a row of its tables: the reference's own training loop and
evaluation as run_moana.py runs them, but with the training split in order (no shuffle) and a
deterministic training transform (Resize to --resize, then a centre crop to --crop-size, where the
recipe draws a random crop and a flip). With the same starting draws (the reference's own, as
dump_init.py writes them for fga) and fga's spec
configs/rfga/fashion/reference/rfga_fashion-tops_moana-recipe_in-order.yaml (schedule.shuffle:
false, the same two steps), the two runs of a seed consume no random number apart from each
other: they are replicas up to floating-point order, and what is left between them is the code's
(issue #25; references/moana/README.md, "In order: both runs as replicas").

Every argument is run_moana.py's. The line goes to --results like a row's, with "harness" naming
this file (fga table checks its SHA-256) and "trainOrder" saying what differs from the recipe.

    OMP_NUM_THREADS=1 python3 references/moana/run_moana_in_order.py --repo ~/.cache/fga/MoANA \\
      --data data/fashion-tops-wsol --weights runs/pretrain/pretrain_resnet18-w16_fashion32/backbone.safetensors \\
      --method rfga --seed 0 --epochs 6 --batch-size 32 --crop-size 96 \\
      --out references/moana/results/runs/rfga-in-order_s0 --results references/moana/results/fashion-tops_rfga_in-order.jsonl
"""
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_moana  # noqa: E402  (fga's harness beside this file)

ORDER = "in order (no shuffle), Resize then CenterCrop (no random crop, no flip)"


def in_order(get_data_loader):
    """get_data_loader with its training loader replaced by an in-order, deterministic one."""
    def wrapped(*args, **kwargs):
        import torchvision.transforms as T
        from torch.utils.data import DataLoader
        import data_loaders
        loaders = get_data_loader(*args, **kwargs)
        train = loaders["train"]
        resize, crop = kwargs["resize_size"], kwargs["crop_size"]
        train.dataset.transform = T.Compose([
            T.Resize((resize, resize)), T.CenterCrop(crop), T.ToTensor(),
            T.Normalize(data_loaders._IMAGE_MEAN_VALUE, data_loaders._IMAGE_STD_VALUE)])
        loaders["train"] = DataLoader(train.dataset, batch_size=train.batch_size, shuffle=False,
                                      num_workers=train.num_workers, drop_last=False)
        return loaders
    return wrapped


def main():
    argv = sys.argv[1:]
    repo = argv[argv.index("--repo") + 1]
    results = os.path.abspath(argv[argv.index("--results") + 1])
    loc, _, _ = run_moana.check_repo(os.path.abspath(repo))
    sys.path.insert(0, loc)
    run_moana.install_shims()
    import data_loaders
    data_loaders.get_data_loader = in_order(data_loaders.get_data_loader)
    before = open(results).read().splitlines() if os.path.exists(results) else []
    run_moana.main()
    lines = open(results).read().splitlines()
    if len(lines) != len(before) + 1:
        sys.exit("run_moana.py wrote no result line to %s" % results)
    line = json.loads(lines[-1])
    line.update(trainOrder=ORDER, baseHarness=line["harness"], baseHarnessSha256=line["harnessSha256"],
                harness="references/moana/run_moana_in_order.py",
                harnessSha256=hashlib.sha256(open(os.path.abspath(__file__), "rb").read()).hexdigest())
    lines[-1] = json.dumps(line)
    with open(results, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

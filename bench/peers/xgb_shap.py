"""XGBoost `pred_contribs` peer for the treeshap case of bench/trees.bench.ts: exact TreeSHAP in C++, one thread.

Usage: xgb_shap.py DIR ROUNDS LEAVES ETA COLSAMPLE
Trains leaf-wise trees of the deployed model's size (lossguide, at most LEAVES leaves, no depth limit, no L2,
min_child_weight 1e-3) on the training matrices the bench wrote, then times pred_contribs on the test rows.
Prints one JSON line: the seconds (wall and CPU), the rows, the trees' leaves and deepest leaf, and how far the
contributions' sums are from the margins.
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb


def load(d, name, cols):
    X = np.fromfile(f"{d}/{name}_X.f64", dtype=np.float64).reshape(-1, cols)
    y = np.fromfile(f"{d}/{name}_y.u8", dtype=np.uint8)
    return X, y


def tree_shape(booster):
    leaves = 0
    deepest = 0
    for dump in booster.get_dump(dump_format="json"):
        stack = [(json.loads(dump), 0)]
        while stack:
            node, depth = stack.pop()
            if "leaf" in node:
                leaves += 1
                deepest = max(deepest, depth)
            else:
                stack.extend((child, depth + 1) for child in node["children"])
    return leaves, deepest


def main():
    d, rounds, leaves = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    eta, colsample = float(sys.argv[4]), float(sys.argv[5])
    shape = json.load(open(f"{d}/shape.json"))
    X, y = load(d, "train", shape["cols"])
    Xt, _ = load(d, "test", shape["cols"])
    params = {
        "tree_method": "hist", "grow_policy": "lossguide", "max_leaves": leaves, "max_depth": 0, "eta": eta,
        "lambda": 0, "min_child_weight": 1e-3, "colsample_bytree": colsample, "max_bin": 256,
        "objective": "binary:logistic", "nthread": 1, "seed": 0,
    }
    booster = xgb.train(params, xgb.DMatrix(X, label=y, missing=np.nan, nthread=1), num_boost_round=rounds)
    dtest = xgb.DMatrix(Xt, missing=np.nan, nthread=1)
    booster.predict(dtest, pred_contribs=True, iteration_range=(0, 1))  # warm-up
    t0 = time.perf_counter()
    c0 = time.process_time()
    contribs = booster.predict(dtest, pred_contribs=True)
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    margin = booster.predict(dtest, output_margin=True)
    total_leaves, deepest = tree_shape(booster)
    err = float(np.abs(contribs.sum(axis=1) - margin).max())
    print(json.dumps({"shap_s": seconds, "shap_cpu_s": cpu, "rows": int(Xt.shape[0]), "trees": rounds,
                      "leaves": total_leaves, "max_depth": deepest, "additivity_err": err}))


if __name__ == "__main__":
    main()

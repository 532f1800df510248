"""XGBoost `hist` peer for bench/trees.bench.ts: trains on the matrices the bench wrote, one thread.

Usage: xgb_train.py DIR ROUNDS DEPTH ETA
DIR holds train_X.f64 / train_y.u8 / test_X.f64 / test_y.u8 / shape.json (row-major float64, NaN = missing).
Prints one JSON line: fit seconds (wall and CPU), peak RSS, and test probabilities for the AUC (computed by the bench).
"""
import json
import resource
import sys
import time

import numpy as np
import xgboost as xgb


def load(d, name, cols):
    X = np.fromfile(f"{d}/{name}_X.f64", dtype=np.float64).reshape(-1, cols)
    y = np.fromfile(f"{d}/{name}_y.u8", dtype=np.uint8)
    return X, y


def main():
    d, rounds, depth, eta = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    shape = json.load(open(f"{d}/shape.json"))
    X, y = load(d, "train", shape["cols"])
    Xt, _ = load(d, "test", shape["cols"])
    params = {"tree_method": "hist", "max_depth": depth, "eta": eta, "objective": "binary:logistic",
              "nthread": 1, "max_bin": 256, "seed": 0}
    t0 = time.perf_counter()
    c0 = time.process_time()
    dtrain = xgb.DMatrix(X, label=y, missing=np.nan, nthread=1)
    booster = xgb.train(params, dtrain, num_boost_round=rounds)
    fit = time.perf_counter() - t0
    fit_cpu = time.process_time() - c0
    p = booster.predict(xgb.DMatrix(Xt, missing=np.nan, nthread=1))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"fit_s": fit, "fit_cpu_s": fit_cpu, "peak_mb": peak_mb, "proba": [float(v) for v in p]}))


if __name__ == "__main__":
    main()

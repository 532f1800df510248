"""scikit-learn RandomForestClassifier peer for bench/trees.bench.ts, one thread.

Usage: sklearn_forest.py DIR TREES
DIR holds train_X.f64 / train_y.u8 / test_X.f64 / test_y.u8 / shape.json (row-major float64; NaN is
imputed with training medians here, since scikit-learn 1.2's forest does not take missing values).
Prints one JSON line: fit seconds (wall and CPU), peak RSS and the test probabilities (the bench computes the AUC).
"""
import json
import resource
import sys
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier


def load(d, name, cols):
    X = np.fromfile(f"{d}/{name}_X.f64", dtype=np.float64).reshape(-1, cols)
    y = np.fromfile(f"{d}/{name}_y.u8", dtype=np.uint8)
    return X, y


def main():
    d, trees = sys.argv[1], int(sys.argv[2])
    shape = json.load(open(f"{d}/shape.json"))
    X, y = load(d, "train", shape["cols"])
    Xt, _ = load(d, "test", shape["cols"])
    med = np.nanmedian(X, axis=0)
    X = np.where(np.isnan(X), med, X)
    Xt = np.where(np.isnan(Xt), med, Xt)
    t0 = time.perf_counter()
    c0 = time.process_time()
    model = RandomForestClassifier(n_estimators=trees, n_jobs=1, random_state=0).fit(X, y)
    fit = time.perf_counter() - t0
    fit_cpu = time.process_time() - c0
    p = model.predict_proba(Xt)[:, 1]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"fit_s": fit, "fit_cpu_s": fit_cpu, "peak_mb": peak_mb, "proba": [float(v) for v in p]}))


if __name__ == "__main__":
    main()

"""Cronbach's alpha with numpy's covariance formula, a peer of scorecard.Cronbach.

Usage (the runner, bench/cmd/peers, drives it):

    /usr/bin/python3 alpha_numpy.py alpha.csv

It reads the ratings (untimed), prints "ready", then for every line "run" on
its standard input times, with time.perf_counter,

    c = np.cov(x, rowvar=False); k/(k-1) * (1 - trace(c)/c.sum())

and prints one JSON line {"seconds": s, "answer": {"alpha": a}}. It exits
when its standard input ends.
"""
import json
import sys
import time

import numpy as np


def alpha(x):
    c = np.cov(x, rowvar=False)
    k = x.shape[1]
    return k / (k - 1) * (1 - np.trace(c) / c.sum())


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: alpha_numpy.py alpha.csv")
    x = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, dtype=np.float64)
    print("ready", flush=True)
    for line in iter(sys.stdin.readline, ""):
        if line.strip() != "run":
            sys.exit(f"unexpected input: {line!r}")
        t0 = time.perf_counter()
        a = alpha(x)
        seconds = time.perf_counter() - t0
        print(json.dumps({"seconds": seconds, "answer": {"alpha": float(a)}}), flush=True)


if __name__ == "__main__":
    main()

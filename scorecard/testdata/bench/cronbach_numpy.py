"""Cronbach's alpha: this package against numpy's np.cov formula, same data, same run.

Issue 14 asks Cronbach on 100 000 × 22 to beat numpy's

    c = np.cov(x, rowvar=False); k/(k-1) * (1 - trace(c)/c.sum())

Run it from the repository root with the system Python that has numpy (not a
CI dependency):

    /usr/bin/python3 scorecard/testdata/bench/cronbach_numpy.py

It builds 100 000 respondents × 22 items on 1..7 from one latent trait,
writes them as little-endian float64 to a temporary file, times numpy (the
best single call of 10 per round), runs BenchmarkCronbach on the same file
(SCORECARD_CRONBACH_DATA; the best single call of -count 10 per round),
checks both alphas agree and prints the ratio of the best times.
Rounds alternate so that load from other processes hits both alike.
"""
import os
import re
import subprocess
import tempfile
import time

import numpy as np

ROUNDS = 5


def alpha(x):
    c = np.cov(x, rowvar=False)
    k = x.shape[1]
    return k / (k - 1) * (1 - np.trace(c) / c.sum())


def numpy_best(x, reps=10):
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        a = alpha(x)
        best = min(best, time.perf_counter() - t0)
    return best, a


def go_best(path):
    env = dict(os.environ, SCORECARD_CRONBACH_DATA=path)
    out = subprocess.run(
        ["go", "test", "./scorecard", "-run", "^$", "-bench", "^BenchmarkCronbach$", "-benchtime", "1x", "-count", "10", "-benchmem", "-v"],
        env=env, capture_output=True, text=True, check=True).stdout
    ns = min(float(m) for m in re.findall(r"BenchmarkCronbach\S*\s+\d+\s+([\d.]+) ns/op", out))
    return ns / 1e9, float(re.search(r"alpha ([\d.]+)", out).group(1))


def main():
    rng = np.random.default_rng(1)
    n, k = 100_000, 22
    trait = rng.standard_normal(n)[:, None]
    x = np.clip(np.floor(4 + 1.2 * trait + 0.8 * rng.standard_normal((n, k)) + 0.5), 1, 7)
    with tempfile.NamedTemporaryFile(suffix=".f64", delete=False) as f:
        f.write(x.astype("<f8").tobytes())
        path = f.name
    try:
        npy, gob = float("inf"), float("inf")
        for _ in range(ROUNDS):
            t, a = numpy_best(x)
            npy = min(npy, t)
            t, ga = go_best(path)
            gob = min(gob, t)
        print(f"numpy np.cov alpha {a:.12f}: best {npy * 1e3:.2f} ms")
        print(f"scorecard.Cronbach alpha {ga:.12f}: best {gob * 1e3:.2f} ms")
        assert abs(a - ga) < 1e-11, "the two alphas differ"
        print(f"ratio numpy / Go = {npy / gob:.2f}")
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main()

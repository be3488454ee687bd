"""Cronbach's alpha with numpy's np.cov formula, the baseline of issue 14.

Run with the system Python that has numpy (not a CI dependency):

    /usr/bin/python3 scorecard/testdata/bench/cronbach_numpy.py

It builds 100 000 respondents × 22 items on 1..7 from one latent trait (the
shape of BenchmarkCronbach; not the same random stream) and prints the best
of 20 timings of k/(k-1)·(1 − Σ diag(cov)/Σ cov) in milliseconds.
"""
import time

import numpy as np


def alpha(x):
    c = np.cov(x, rowvar=False)
    k = x.shape[1]
    return k / (k - 1) * (1 - np.trace(c) / c.sum())


def main():
    rng = np.random.default_rng(1)
    n, k = 100_000, 22
    trait = rng.standard_normal(n)[:, None]
    x = np.clip(np.floor(4 + 1.2 * trait + 0.8 * rng.standard_normal((n, k)) + 0.5), 1, 7)
    best = float("inf")
    for _ in range(20):
        t0 = time.perf_counter()
        a = alpha(x)
        best = min(best, time.perf_counter() - t0)
    print(f"numpy np.cov alpha {a:.6f}: best of 20 {best * 1e3:.3f} ms")


if __name__ == "__main__":
    main()

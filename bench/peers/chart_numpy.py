"""Individuals chart and the eight Nelson rules in numpy, vectorised: the peer
of pdca.IMR followed by Chart.Violations(pdca.Nelson).

Usage (the runner, bench/cmd/peers, drives it):

    /usr/bin/python3 chart_numpy.py chart.f64

chart.f64 holds the points as little-endian float64. The script reads them
(untimed), prints "ready", then for every line "run" on its standard input
times, with time.perf_counter, the chart (centre = mean, σ = mean moving
range / d2, d2 = 2/√π, limits at 3σ) and the rules as pdca documents them
(qcc's convention: a rule flags the point that completes its pattern and
every later point while it continues; zones strict beyond kσ, "within 1σ"
inclusive; a point on the centre line is on neither side; the k-of-m rules
flag a point that is itself beyond the zone and need a full window):

    Nelson1  beyond a control limit
    Nelson2  9 in a row on one side of the centre
    Nelson3  6 in a row steadily rising or falling (5 rises or 5 falls)
    Nelson4  14 in a row alternating (12 alternations)
    Nelson5  2 of 3 beyond 2σ on one side
    Nelson6  4 of 5 beyond 1σ on one side
    Nelson7  15 in a row within 1σ
    Nelson8  8 in a row beyond 1σ, with points on both sides

and prints one JSON line {"seconds": s, "answer": {"center", "sigma",
"violations": [[indices of Nelson1], …, [indices of Nelson8]]}}. It exits
when its standard input ends.
"""
import json
import math
import sys
import time

import numpy as np

D2 = 2 / math.sqrt(math.pi)


def window_count(b, length):
    """For each point, how many of the last `length` points (itself included) are set."""
    cs = np.cumsum(b, dtype=np.int32)
    out = cs.copy()
    out[length:] -= cs[:-length]
    return out


def run(b, length):
    return window_count(b, length) == length


def within(b, length):
    return window_count(b, length) > 0


def before(b, k):
    """b moved k points later, False filling the first k."""
    out = np.zeros_like(b)
    out[k:] = b[:-k]
    return out


def nelson(x):
    n = len(x)
    center = x.mean()
    sigma = np.abs(np.diff(x)).mean() / D2
    ucl, lcl = center + 3 * sigma, center - 3 * sigma
    hi1, hi2, lo1, lo2 = center + sigma, center + 2 * sigma, center - sigma, center - 2 * sigma

    beyond = (x > ucl) | (x < lcl)
    up, down = x > center, x < center
    a2, b2, a1, b1 = x > hi2, x < lo2, x > hi1, x < lo1
    inside = (x >= lo1) & (x <= hi1)
    rise = np.zeros(n, dtype=bool)
    fall = np.zeros(n, dtype=bool)
    rise[1:] = x[1:] > x[:-1]
    fall[1:] = x[1:] < x[:-1]
    alt = rise & before(fall, 1) | fall & before(rise, 1)

    rules = [
        beyond,
        run(up, 9) | run(down, 9),
        run(rise, 5) | run(fall, 5),
        run(alt, 12),
        a2 & (before(a2, 1) | before(a2, 2)) | b2 & (before(b2, 1) | before(b2, 2)),
        a1 & (window_count(before(a1, 1), 4) >= 3) | b1 & (window_count(before(b1, 1), 4) >= 3),
        run(inside, 15),
        run(a1 | b1, 8) & within(a1, 8) & within(b1, 8),
    ]
    rules[4][:2] = False  # a k-of-m rule needs a full window
    rules[5][:4] = False
    return center, sigma, [np.flatnonzero(r) for r in rules]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: chart_numpy.py chart.f64")
    x = np.fromfile(sys.argv[1], dtype="<f8")
    print("ready", flush=True)
    for line in iter(sys.stdin.readline, ""):
        if line.strip() != "run":
            sys.exit(f"unexpected input: {line!r}")
        t0 = time.perf_counter()
        center, sigma, flagged = nelson(x)
        seconds = time.perf_counter() - t0
        answer = {"center": float(center), "sigma": float(sigma), "violations": [f.tolist() for f in flagged]}
        print(json.dumps({"seconds": seconds, "answer": answer}), flush=True)


if __name__ == "__main__":
    main()

"""RFM scoring with pandas, the peer of typology.ScoreRFM.

Usage (the runner, bench/cmd/peers, drives it):

    /usr/bin/python3 rfm_pandas.py rfm.csv rfm_rules.csv

rfm.csv has the columns customer, recency (days), frequency and monetary;
rfm_rules.csv the segment rules (segment, then inclusive R, F and M ranges).
The script reads both (untimed), prints "ready", then for every line "run"
on its standard input times, with time.perf_counter, the scoring with
typology.ScoreRFM's documented tie policy: each column's rank with
method="average" (R's ties.method = "average"), rounded up, mapped to the
quintile dplyr::ntile gives that position (n = 5q + r: the first r scores
take q + 1 customers, the others q); 5 is the most recent, most frequent,
highest spend. Each customer's segment is looked up in a 5×5×5 table built
from the rules (outside the timing). It prints one JSON line
{"seconds": s, "answer": {"r", "f", "m", "segment", "segments"}}: the scores
as strings of digits in input order, the segments as letters indexing the
sorted list of segment names. It exits when its standard input ends.
"""
import json
import sys
import time

import numpy as np
import pandas as pd


def ntile_of_position(pos, n, k=5):
    q, r = divmod(n, k)
    big = r * (q + 1)
    upper = (pos + q) // (q + 1)  # ceil(pos / (q+1)) for the first r groups
    lower = r + (pos - big + q - 1) // max(q, 1)  # then groups of q
    return np.where(pos <= big, upper, lower)


def score(col):
    pos = np.ceil(col.rank(method="average").to_numpy()).astype(np.int64)
    return ntile_of_position(pos, len(col))


def rfm(df, table):
    r = score(-df["recency"])
    f = score(df["frequency"])
    m = score(df["monetary"])
    seg = table[r - 1, f - 1, m - 1]
    return r, f, m, seg


def segment_table(rules):
    names = sorted(rules["segment"].unique())
    table = np.full((5, 5, 5), -1, dtype=np.int64)
    for rule in rules.itertuples(index=False):
        idx = names.index(rule.segment)
        cells = table[rule.rMin - 1:rule.rMax, rule.fMin - 1:rule.fMax, rule.mMin - 1:rule.mMax]
        cells[cells < 0] = idx  # the first rule that matches wins
    if (table < 0).any():
        sys.exit("the rules leave some scores without a segment")
    return names, table


def answer(r, f, m, seg, names):
    digits = lambda a: (a.astype(np.uint8) + ord("0")).tobytes().decode()
    used = sorted(set(np.unique(seg).tolist()))
    used_names = [names[i] for i in used]
    remap = np.zeros(len(names), dtype=np.int64)
    for j, i in enumerate(used):
        remap[i] = j
    letters = (remap[seg].astype(np.uint8) + ord("A")).tobytes().decode()
    return {"r": digits(r), "f": digits(f), "m": digits(m), "segment": letters, "segments": used_names}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: rfm_pandas.py rfm.csv rfm_rules.csv")
    df = pd.read_csv(sys.argv[1], dtype={"customer": str, "recency": "int64", "frequency": "int64", "monetary": "float64"})
    names, table = segment_table(pd.read_csv(sys.argv[2]))
    print("ready", flush=True)
    for line in iter(sys.stdin.readline, ""):
        if line.strip() != "run":
            sys.exit(f"unexpected input: {line!r}")
        t0 = time.perf_counter()
        r, f, m, seg = rfm(df, table)
        seconds = time.perf_counter() - t0
        print(json.dumps({"seconds": seconds, "answer": answer(r, f, m, seg, names)}), flush=True)


if __name__ == "__main__":
    main()

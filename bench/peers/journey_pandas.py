"""Journey analysis with pandas, the peer of servicecycle.Analyze.

Usage (the runner, bench/cmd/peers, drives it):

    /usr/bin/python3 journey_pandas.py journey.csv m9

journey.csv has the columns case, moment, at (Unix nanoseconds), rating
(0 = not rated), duration (seconds) and channel; the second argument lists
the moments that complete a journey (comma-separated). The script reads the
log (untimed), prints "ready", then for every line "run" on its standard
input times, with time.perf_counter, what a pandas user writes for the part
of the analysis both sides compute:

- sort the encounters by case and time;
- encounters per moment, and the mean of the ratings given (rating > 0);
- the directly-follows graph: consecutive encounters of a case, counted
  and their mean time apart per (from, to);
- throughput: first to last encounter of the journeys whose last encounter
  is at an end moment: count, mean, median and 90th percentile (linear
  interpolation, R's type 7).

and prints one JSON line {"seconds": s, "answer": {...}} (times in
nanoseconds). It exits when its standard input ends.
"""
import json
import sys
import time

import pandas as pd


def analyse(df, ends):
    d = df.sort_values(["case", "at"])
    per_moment = d.groupby("moment").size()
    ratings = d[d["rating"] > 0].groupby("moment")["rating"].agg(["size", "mean"])

    case = d["case"]
    same = case.eq(case.shift(-1)).to_numpy()[:-1]
    moment = d["moment"].to_numpy()
    at = d["at"].to_numpy()
    steps = pd.DataFrame({"from": moment[:-1][same], "to": moment[1:][same], "dt": (at[1:] - at[:-1])[same]})
    edges = steps.groupby(["from", "to"])["dt"].agg(["size", "mean"])

    journeys = d.groupby("case", sort=False).agg(first=("at", "first"), last=("at", "last"), end=("moment", "last"))
    done = journeys[journeys["end"].isin(ends)]
    throughput = done["last"] - done["first"]
    return per_moment, ratings, edges, throughput


def answer(per_moment, ratings, edges, throughput):
    moments = []
    for m, n in per_moment.items():
        rated, mean = (int(ratings.at[m, "size"]), float(ratings.at[m, "mean"])) if m in ratings.index else (0, 0.0)
        moments.append({"id": m, "encounters": int(n), "rated": rated, "meanRating": mean})
    return {
        "moments": moments,
        "edges": [{"from": f, "to": t, "count": int(r["size"]), "mean": float(r["mean"])} for (f, t), r in edges.iterrows()],
        "throughput": {
            "n": int(throughput.size),
            "mean": float(throughput.mean()) if throughput.size else 0.0,
            "median": float(throughput.quantile(0.5)) if throughput.size else 0.0,
            "p90": float(throughput.quantile(0.9)) if throughput.size else 0.0,
        },
    }


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: journey_pandas.py journey.csv END[,END…]")
    df = pd.read_csv(sys.argv[1], dtype={"case": str, "moment": str, "at": "int64", "rating": "int64",
                                          "duration": "int64", "channel": "int64"})
    ends = sys.argv[2].split(",")
    print("ready", flush=True)
    for line in iter(sys.stdin.readline, ""):
        if line.strip() != "run":
            sys.exit(f"unexpected input: {line!r}")
        t0 = time.perf_counter()
        result = analyse(df, ends)
        seconds = time.perf_counter() - t0
        print(json.dumps({"seconds": seconds, "answer": answer(*result)}), flush=True)


if __name__ == "__main__":
    main()

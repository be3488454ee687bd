package main

import (
	"context"
	"fmt"
	"io"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/complaint"
	"github.com/shopspring/decimal"
)

// report replays every case of the store's trail and prints them, the
// volume per function and the cost of the day.
func report(ctx context.Context, w io.Writer, store complaint.Store) error {
	entries, err := store.Entries(ctx, 0)
	if err != nil {
		return err
	}
	cases, err := complaint.Replay(entries)
	if err != nil {
		return err
	}
	var volume complaint.Volume
	for _, c := range cases {
		volume.Add(c)
		total, _ := c.TotalCost()
		resolved := "not resolved"
		if !c.ResolvedAt.IsZero() {
			resolved = "resolved " + c.ResolvedAt.In(bogota).Format("15:04")
		}
		fmt.Fprintf(w, "  %s %-8s %-8s %-14s tier %-14s cost %s\n", c.ID, c.Kind, c.State, resolved, c.Tier, total)
	}
	rows, n := volume.Result()
	fmt.Fprintf(w, "Volume per function (%d cases):", n)
	for _, r := range rows {
		if r.Cases > 0 {
			fmt.Fprintf(w, " %s %d;", r.Function, r.Cases)
		}
	}
	fmt.Fprintln(w)
	return costs(w, cases)
}

// costs prints the cost of bad service (el mal servicio y sus costos):
// handling per tier and the credit are direct costs; no customer was lost
// today, so there is no indirect cost.
func costs(w io.Writer, cases []complaint.Case) error {
	cop := func(s string) servuction.Money { return servuction.MustParseMoney(s + " COP") }
	model := complaint.CostModel{Currency: "COP",
		Handling:      map[complaint.Tier]servuction.Money{complaint.Advisor: cop("6000"), complaint.NetworkMember: cop("25000"), complaint.Specialist: cop("70000")},
		CustomerValue: cop("1200000"), Informed: decimal.NewFromInt(9), InformedLossRate: decimal.RequireFromString("0.2")}
	var tally complaint.CostTally
	for _, c := range cases {
		if err := tally.Add(c); err != nil {
			return err
		}
	}
	result, err := tally.Result(model)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Cost of the day: direct %s (handling %s), indirect %s\n", result.Direct, result.Handling, result.Indirect)
	for _, p := range result.Pareto {
		fmt.Fprintf(w, "  %-8s %d case(s) %12s  cumulative %5.1f%%\n", p.Cause, p.Cases, p.Total, 100*p.Cumulative)
	}
	return nil
}

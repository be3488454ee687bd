package main

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// A row is one line of the table: our computation against one peer (another
// tool, or the physical floor) on the same data.
type row struct {
	// op names the operation and its size; unit says what one time is for
	// ("per call", "per transition").
	op, unit string
	// peerName names the peer: "R psych::alpha", "fsync floor (dd)".
	peerName string
	// floor marks a peer that is the physical floor rather than a tool a
	// user would pick instead.
	floor bool
	// ours runs our computation once on the parsed data and returns the
	// time of one unit and the answer for check.
	ours func(ctx context.Context) (seconds float64, answer any, err error)
	// peer runs the peer once and returns the time of one unit and its
	// answer.
	peer func(ctx context.Context) (seconds float64, answer any, err error)
	// check returns nil when the two answers agree within tolerance.
	check     func(ours, peer any) error
	tolerance string
	// oursCmd and peerCmd say exactly what is timed on each side, in
	// Markdown (commands and calls as inline code).
	oursCmd, peerCmd string
	// group is the key of the group that made the row (for -only).
	group string
}

// A result is a row after its rounds.
type result struct {
	*row
	oursTimes, peerTimes []float64
	// mismatch is why the answers differ, "" when they agree.
	mismatch string
	// err is why the row could not be measured.
	err error
}

// A group generates one data set, parses it for our side, prepares the
// peers (starting their processes, which parse the same files) and returns
// its rows; close releases the peers. A peer that cannot be had is reported
// in skipped, one line each, and its row left out.
type group struct {
	key string
	// roundsFactor multiplies -rounds for this group (0 means 1): the
	// durable rows run shorter batches in more rounds, so that the slow and
	// fast phases of a shared disk fall on both sides alike.
	roundsFactor int
	setup        func(ctx context.Context, e *env) (rows []*row, skipped []string, close func(), err error)
}

// measure runs every row of rows for the given rounds, alternating ours and
// the peer row by row within a round, so that load from other processes
// falls on both alike. The answers of every round are compared.
func measure(ctx context.Context, rows []*row, rounds int, log io.Writer) []*result {
	res := make([]*result, len(rows))
	for i, r := range rows {
		res[i] = &result{row: r}
	}
	for round := 1; round <= rounds; round++ {
		for _, r := range res {
			if r.err != nil {
				continue
			}
			ours, oursAns, err := r.ours(ctx)
			if err != nil {
				r.err = fmt.Errorf("ours: %w", err)
				continue
			}
			peer, peerAns, err := r.peer(ctx)
			if err != nil {
				r.err = fmt.Errorf("%s: %w", r.peerName, err)
				continue
			}
			r.oursTimes = append(r.oursTimes, ours)
			r.peerTimes = append(r.peerTimes, peer)
			if err := r.check(oursAns, peerAns); err != nil && r.mismatch == "" {
				r.mismatch = fmt.Sprintf("round %d: %v", round, err)
			}
			fmt.Fprintf(log, "  round %d  %-44s ours %-10s %-26s %s\n", round, r.op, formatSeconds(ours), r.peerName, formatSeconds(peer))
		}
	}
	return res
}

// errMismatch reports that some row's answers differ.
var errMismatch = errors.New("peers: ours and a peer gave different answers")

package sqlstore

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/servuction/servuction/complaint"
)

func TestEWMA(t *testing.T) {
	var a ewma
	if a.get() != 0 {
		t.Fatalf("zero ewma = %v", a.get())
	}
	a.observe(8 * time.Millisecond) // the first observation is the average
	if a.get() != 8*time.Millisecond {
		t.Errorf("after 8ms: %v", a.get())
	}
	a.observe(16 * time.Millisecond) // 8 + (16-8)/8 = 9 ms
	if a.get() != 9*time.Millisecond {
		t.Errorf("after 8ms, 16ms: %v, want 9ms", a.get())
	}
}

func TestSpread(t *testing.T) {
	conflict := complaint.ErrConflict
	var s Store
	// No append measured yet: no pause.
	if err := s.spread(context.Background(), conflict); err != conflict {
		t.Errorf("spread with no average: %v", err)
	}
	// A pause that the context ends: both errors.
	s.appendTime.observe(time.Hour) // the pause would be up to a second
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := s.spread(ctx, conflict)
	if !errors.Is(err, complaint.ErrConflict) || !errors.Is(err, context.Canceled) {
		t.Errorf("spread with a cancelled context: %v, want the conflict and context.Canceled", err)
	}
	// A short pause ends with the conflict alone.
	var short Store
	short.appendTime.observe(time.Microsecond)
	if err := short.spread(context.Background(), conflict); err != conflict {
		t.Errorf("spread: %v", err)
	}
}

package sqlstore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sqlstore"
)

// A desk keeps its cases in a SQLite file; a second store opened on the same
// file (another process would do the same) sees every case, and the trail
// verifies from the database.
func Example() {
	ctx := context.Background()
	dir, err := tempDir()
	if err != nil {
		fmt.Println(err)
		return
	}
	addr := "sqlite:" + filepath.Join(dir, "tele-cliente.db")
	store, err := sqlstore.Open(ctx, addr, sqlstore.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	desk, err := complaint.NewDesk(complaint.DeskConfig{Store: store})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, ev := range []complaint.Event{
		{Type: complaint.Receive, Case: "TC-1", At: at, Actor: "ana", Tier: complaint.Advisor,
			Intake: &complaint.Intake{Kind: complaint.Claim, Channel: servuction.Phone, Customer: "CUST-42", Subject: "no internet"}},
		{Type: complaint.Acknowledge, Case: "TC-1", At: at.Add(time.Minute), Actor: "ana"},
	} {
		if _, err := desk.Apply(ctx, ev); err != nil {
			fmt.Println(err)
			return
		}
	}

	other, err := sqlstore.Open(ctx, addr, sqlstore.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer other.Close()
	entries, err := other.Load(ctx, "TC-1")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := complaint.Fold(entries)
	if err != nil {
		fmt.Println(err)
		return
	}
	head, _ := other.Head(ctx)
	fmt.Printf("%s %s %s, version %d\n", c.ID, c.Kind, c.State, c.Version)
	fmt.Printf("trail: %d entries, verified: %v\n", head.Seq, other.Verify(ctx, head) == nil)
	// Output:
	// TC-1 claim acknowledged, version 2
	// trail: 2 entries, verified: true
}

// ParseAddress reads the addresses Open takes; String hides a password.
func ExampleParseAddress() {
	for _, s := range []string{"sqlite:tele-cliente.db", "sqlite::memory:", "postgres://desk:s3cret@db.example/cases"} {
		a, err := sqlstore.ParseAddress(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-8s %s\n", a.Dialect, a)
	}
	_, err := sqlstore.ParseAddress("mysql:root@/cases")
	fmt.Println(err)
	// Output:
	// sqlite   sqlite:tele-cliente.db
	// sqlite   sqlite::memory:
	// postgres postgres:postgres://desk:xxxxx@db.example/cases
	// sqlstore: address "mysql:root@/cases": unknown database "mysql" (want sqlite or postgres): sqlstore: invalid address
}

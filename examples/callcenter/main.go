// Command callcenter runs the course notes' customer-service flowchart
// (flujograma de servicio al cliente) end to end with package complaint:
//
//  1. The customer calls the line (el cliente llama a la línea).
//  2. The service advisor takes the call (la asesora de servicio recibe la
//     llamada).
//  3. If she can, she handles the request and records it in the customer
//     system (lo registra en tele cliente).
//  4. If not, she records it and sends a text message to a member of the
//     service network (envía un mensaje de texto al miembro de la red).
//  5. The network member gets the notification by e-mail and SMS.
//  6. He enters the system, resolves the pending case and calls the customer
//     back when it is warranted.
//
// Every agent records traceability information (trazabilidad) and passes it
// on: the trail is hash-chained, verified at the end, and a tampered copy of
// it is caught.
//
// The customer system is, by default, an append-only trail file in a
// temporary directory. With -store it is a database instead, through package
// sqlstore:
//
//	go run -C examples/callcenter . -store sqlite:tele-cliente.db
//	go run -C examples/callcenter . -store postgres:postgres://user@host/db
//
// A database keeps the day's cases: run the program again on it and it
// verifies and replays them instead of taking the calls a second time.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/servuction/servuction/complaint"
	_ "time/tzdata" // the Bogotá business calendar loads its zone on any machine
)

func main() {
	store := flag.String("store", "", "keep the cases in a database: sqlite:FILE or postgres:DSN (default: a trail file in a temporary directory)")
	flag.Parse()
	if flag.NArg() > 0 {
		log.Fatalf("callcenter: unexpected arguments %q", flag.Args())
	}
	if err := run(context.Background(), os.Stdout, *store); err != nil {
		log.Fatal(err)
	}
}

// run takes the day's calls on the store at addr ("" for a trail file) and
// writes what happens to w.
func run(ctx context.Context, w io.Writer, addr string) error {
	if addr != "" {
		return runSQL(ctx, w, addr)
	}
	return runFile(ctx, w)
}

// runFile keeps the customer system (tele cliente) in an append-only trail
// file: every event is one line, synced to disk before the desk moves on.
func runFile(ctx context.Context, w io.Writer) error {
	dir, err := os.MkdirTemp("", "callcenter")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "tele-cliente.jsonl")
	store, err := complaint.OpenFileStore(path, complaint.FileOptions{})
	if err != nil {
		return err
	}
	head, err := dayAndVerify(ctx, w, store)
	if cerr := store.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := tamperFile(w, dir, path, head); err != nil {
		return err
	}
	// Reopening the original replays every case from the file.
	store2, err := complaint.OpenFileStore(path, complaint.FileOptions{Anchor: head})
	if err != nil {
		return err
	}
	defer store2.Close()
	fmt.Fprintln(w, "\nReplayed from the file:")
	return report(ctx, w, store2)
}

// dayAndVerify takes the day's calls on store, then verifies the trail and
// returns its head, to anchor (a host would store the head elsewhere, e.g.
// in a daily report).
func dayAndVerify(ctx context.Context, w io.Writer, store complaint.Store) (complaint.Head, error) {
	desk, err := day(ctx, w, store)
	if err != nil {
		return complaint.Head{}, err
	}
	head, err := desk.Head(ctx)
	if err != nil {
		return complaint.Head{}, err
	}
	if err := desk.VerifyTrail(ctx, head); err != nil {
		return complaint.Head{}, err
	}
	fmt.Fprintf(w, "\nTrail: %d entries, verified; head seq %d hash %s…\n", head.Seq, head.Seq, head.Hash[:16])
	return head, nil
}

// tamperFile shows that a copy of the trail file someone edited, or cut
// short, is refused.
func tamperFile(w io.Writer, dir, path string, head complaint.Head) error {
	// A tampered copy: someone edits who resolved the claim.
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	tampered := strings.Replace(string(data), `"actor":"luis (red)","tier":"network-member","resolution"`,
		`"actor":"ana (asesora)","tier":"network-member","resolution"`, 1)
	copyPath := filepath.Join(dir, "copy.jsonl")
	if err := os.WriteFile(copyPath, []byte(tampered), 0o644); err != nil {
		return err
	}
	_, err = complaint.OpenFileStore(copyPath, complaint.FileOptions{})
	if err == nil {
		return fmt.Errorf("the tampered copy was not caught")
	}
	fmt.Fprintln(w, "Tampered copy refused:", strings.ReplaceAll(err.Error(), dir+string(os.PathSeparator), ""))
	// A copy cut short is caught against the anchored head.
	lines := strings.SplitAfter(string(data), "\n")
	short := strings.Join(lines[:len(lines)-3], "")
	if err := os.WriteFile(copyPath, []byte(short), 0o644); err != nil {
		return err
	}
	_, err = complaint.OpenFileStore(copyPath, complaint.FileOptions{Anchor: head})
	if err == nil {
		return fmt.Errorf("the truncated copy was not caught")
	}
	fmt.Fprintln(w, "Truncated copy refused:", strings.ReplaceAll(err.Error(), dir+string(os.PathSeparator), ""))
	return nil
}

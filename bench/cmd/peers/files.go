package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// writeFile creates path and lets write fill it through a buffer.
func writeFile(path string, write func(w *bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := write(w); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// readCSV reads a CSV file with a header row and calls each for every
// record (line numbers from 2), checking the header first.
func readCSV(path string, header []string, each func(line int, rec []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	r.FieldsPerRecord = len(header)
	got, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: header: %w", path, err)
	}
	if strings.Join(got, ",") != strings.Join(header, ",") {
		return fmt.Errorf("%s: header %q, want %q", path, got, header)
	}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := each(line, rec); err != nil {
			return fmt.Errorf("%s line %d: %w", path, line, err)
		}
	}
}

// script returns the path of a committed peer script, checking it exists.
func (e *env) script(name string) (string, error) {
	p := filepath.Join(e.scripts, name)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("peer script %s: %w (run from bench/, or pass -scripts)", name, err)
	}
	return p, nil
}

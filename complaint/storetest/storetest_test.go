package storetest_test

import (
	"path/filepath"
	"testing"

	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/complaint/storetest"
)

func TestMemStore(t *testing.T) {
	storetest.Run(t, func(*testing.T) complaint.Store { return complaint.NewMemStore() })
}

func TestFileStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) complaint.Store {
		s, err := complaint.OpenFileStore(filepath.Join(t.TempDir(), "trail.jsonl"), complaint.FileOptions{NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

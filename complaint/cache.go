package complaint

import (
	"context"
	"errors"
	"fmt"
)

// DefaultCacheSize is the number of folded cases a [Desk] keeps when
// [DeskConfig].CacheSize is zero.
const DefaultCacheSize = 10_000

// folded is a case as the desk keeps it: the case folded from its entries
// and, when the desk has an agreement, the SLA ticket of its trail. Neither
// is ever changed in place (Case.apply and ticketBuilder.add write new
// arrays), so copies handed out share memory safely.
type folded struct {
	c  Case
	tb ticketBuilder
}

// add folds one more entry of the case.
func (f *folded) add(d *Desk, e Entry) error {
	if err := f.c.apply(e); err != nil {
		return err
	}
	if d.cfg.Agreement != nil {
		f.tb.add(e)
	}
	return nil
}

// cached returns the desk's copy of case id, if it has one.
func (d *Desk) cached(id string) (folded, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	f, ok := d.cache[id]
	if !ok {
		return folded{}, false
	}
	return *f, true
}

// remember keeps f as the desk's copy of its case unless a newer one is
// kept. When the cache is full an arbitrary other case is dropped.
func (d *Desk) remember(f folded) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if old, ok := d.cache[f.c.ID]; ok {
		if old.c.Version < f.c.Version {
			*old = f
		}
		return
	}
	if len(d.cache) >= d.cfg.CacheSize {
		for id := range d.cache {
			delete(d.cache, id)
			break
		}
	}
	nf := new(folded)
	*nf = f
	d.cache[f.c.ID] = nf
}

// current returns case id: the cached copy as is, or brought up to date
// from the store when fresh is set (or when it is not cached). A case not in
// the store is the empty case when mayBeNew, else an error wrapping
// [ErrNotFound]; with mayBeNew a case that is not cached is taken as new
// without reading the store (an append then conflicts if it exists).
func (d *Desk) current(ctx context.Context, id string, mayBeNew, fresh bool) (folded, error) {
	f, ok := d.cached(id)
	switch {
	case ok && !fresh:
		return f, nil
	case ok:
		return d.refresh(ctx, f)
	case mayBeNew && !fresh:
		return folded{}, nil
	}
	entries, err := d.cfg.Store.Load(ctx, id)
	if errors.Is(err, ErrNotFound) && mayBeNew {
		return folded{}, nil
	}
	if err != nil {
		return folded{}, err
	}
	for _, e := range entries {
		if err := f.add(d, e); err != nil {
			return folded{}, err
		}
	}
	d.remember(f)
	return f, nil
}

// atVersion returns case id at version or later: the cached copy when it is
// that recent, else brought up to date from the store.
func (d *Desk) atVersion(ctx context.Context, id string, version uint64) (folded, error) {
	if f, ok := d.cached(id); ok && f.c.Version >= version {
		return f, nil
	}
	return d.current(ctx, id, false, true)
}

// refresh folds what the store holds of f's case after f's version.
func (d *Desk) refresh(ctx context.Context, f folded) (folded, error) {
	tail, err := d.loadAfter(ctx, f.c.ID, f.c.Version)
	if err != nil {
		return folded{}, err
	}
	if len(tail) == 0 {
		return f, nil
	}
	for _, e := range tail {
		if err := f.add(d, e); err != nil {
			return folded{}, err
		}
	}
	d.remember(f)
	return f, nil
}

// loadAfter reads the case's entries after version, with the store's
// [CaseLoader] when it has one.
func (d *Desk) loadAfter(ctx context.Context, id string, version uint64) ([]Entry, error) {
	if l, ok := d.cfg.Store.(CaseLoader); ok {
		return l.LoadAfter(ctx, id, version)
	}
	entries, err := d.cfg.Store.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	if uint64(len(entries)) < version {
		return nil, fmt.Errorf("complaint: case %s: the store holds %d entries, the desk had read %d: %w", id, len(entries), version, ErrBrokenTrail)
	}
	return entries[version:], nil
}

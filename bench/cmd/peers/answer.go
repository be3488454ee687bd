package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
)

// tolerance bounds the difference allowed between two floating-point
// answers: |a − b| ≤ abs + rel·max(|a|, |b|).
type tolerance struct{ rel, abs float64 }

// String says the tolerance in words for the table.
func (t tolerance) String() string {
	switch {
	case t.rel == 0 && t.abs == 0:
		return "exact"
	case t.rel == 0:
		return fmt.Sprintf("±%g", t.abs)
	case t.abs == 0:
		return fmt.Sprintf("relative %g", t.rel)
	}
	return fmt.Sprintf("±%g + relative %g", t.abs, t.rel)
}

// close reports whether a and b agree within t; two NaNs agree.
func (t tolerance) close(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	if a == b {
		return true
	}
	return math.Abs(a-b) <= t.abs+t.rel*max(math.Abs(a), math.Abs(b))
}

// sameAnswer compares two answers of the same type field by field:
// floating-point numbers within t, everything else exactly. It returns nil
// when they agree, or an error naming the first field that differs (as a
// path: "edges[3].mean") and both values.
func sameAnswer(ours, peer any, t tolerance) error {
	a, b := reflect.ValueOf(ours), reflect.ValueOf(peer)
	if a.Type() != b.Type() {
		return fmt.Errorf("answers of different types %s and %s", a.Type(), b.Type())
	}
	return compareValues("answer", a, b, t)
}

func compareValues(path string, a, b reflect.Value, t tolerance) error {
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		if !t.close(a.Float(), b.Float()) {
			return fmt.Errorf("%s: ours %.17g, peer %.17g (tolerance %s)", path, a.Float(), b.Float(), t)
		}
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if err := compareValues(path+"."+jsonName(f), a.Field(i), b.Field(i), t); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Errorf("%s: ours has %d elements, peer %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if err := compareValues(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i), t); err != nil {
				return err
			}
		}
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Errorf("%s: one side is nil", path)
			}
			return nil
		}
		return compareValues(path, a.Elem(), b.Elem(), t)
	default:
		if !a.Equal(b) {
			return fmt.Errorf("%s: ours %v, peer %v", path, a, b)
		}
	}
	return nil
}

// jsonName is the JSON key of a struct field, the name the peers' scripts
// use for it.
func jsonName(f reflect.StructField) string {
	if tag := f.Tag.Get("json"); tag != "" {
		name, _, _ := bytes.Cut([]byte(tag), []byte(","))
		if len(name) > 0 && string(name) != "-" {
			return string(name)
		}
	}
	return f.Name
}

// decodeStrict decodes one JSON value into v, refusing unknown fields and
// trailing data, so that a peer script and this runner cannot silently
// disagree on what an answer holds.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("peer answer: %w", err)
	}
	if dec.More() {
		return fmt.Errorf("peer answer: data after the JSON value")
	}
	return nil
}

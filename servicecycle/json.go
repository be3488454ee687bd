package servicecycle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// decodeStrict decodes one JSON value from data into v, refusing unknown
// fields (a misspelt key such as "critcal" or "ratng" is an error naming it,
// never silently dropped) and anything after the value. what names the value
// in the error ("cycle", "encounter").
func decodeStrict(data []byte, v any, what string) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("unexpected data after the %s", what)
	}
	return nil
}

package servicecycle

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"slices"
)

type variantsJSON struct {
	Cycle    json.RawMessage `json:"cycle,omitempty"`
	Journeys int64           `json:"journeys"`
	Paths    []pathJSON      `json:"paths,omitempty"`
}

type pathJSON struct {
	Moments       []string `json:"moments"`
	Journeys      int64    `json:"journeys"`
	ThroughputSum string   `json:"throughputSum"`
}

// MarshalJSON writes the paths with their counts and exact throughput sums,
// in path order (a canonical form).
func (v *Variants) MarshalJSON() ([]byte, error) {
	j := variantsJSON{Journeys: v.journeys}
	if v.cycle != nil {
		cyc, err := json.Marshal(v.cycle)
		if err != nil {
			return nil, err
		}
		j.Cycle = cyc
	}
	for k, p := range v.paths {
		sum := new(big.Int).Lsh(new(big.Int).SetUint64(p.hi), 64)
		sum.Add(sum, new(big.Int).SetUint64(p.lo))
		j.Paths = append(j.Paths, pathJSON{Moments: decodeVariantKey(k), Journeys: p.journeys, ThroughputSum: sum.String()})
	}
	slices.SortFunc(j.Paths, func(x, y pathJSON) int { return v.comparePaths(x.Moments, y.Moments) })
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, refusing unknown fields, a
// path listed twice or out of order, counts that do not add up; the error
// wraps [ErrInvalidAggregate] and *v is unchanged.
func (v *Variants) UnmarshalJSON(data []byte) error {
	var j variantsJSON
	if err := decodeStrict(data, &j, "variants"); err != nil {
		return fmt.Errorf("servicecycle: variants JSON: %w: %w", err, ErrInvalidAggregate)
	}
	out := &Variants{paths: map[string]*variantAgg{}}
	if j.Cycle != nil {
		var c Cycle
		if err := c.UnmarshalJSON(j.Cycle); err != nil {
			return fmt.Errorf("servicecycle: variants JSON: %w: %w", err, ErrInvalidAggregate)
		}
		out.cycle = &c
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("servicecycle: variants JSON: "+format+": %w", append(args, ErrInvalidAggregate)...)
	}
	var total int64
	for i, p := range j.Paths {
		if len(p.Moments) == 0 || slices.ContainsFunc(p.Moments, isBlank) || p.Journeys < 1 || p.Journeys > maxCount ||
			(i > 0 && out.comparePaths(j.Paths[i-1].Moments, p.Moments) >= 0) {
			return bad("path %d malformed, repeated or out of order", i)
		}
		sum, ok := new(big.Int).SetString(p.ThroughputSum, 10)
		if !ok || sum.Sign() < 0 || sum.Cmp(new(big.Int).Mul(big.NewInt(p.Journeys), big.NewInt(math.MaxInt64))) > 0 {
			return bad("path %d: throughputSum %q out of range", i, p.ThroughputSum)
		}
		var key []byte
		for _, m := range p.Moments {
			key = binary.AppendUvarint(key, uint64(len(m)))
			key = append(key, m...)
		}
		out.paths[string(key)] = &variantAgg{journeys: p.Journeys,
			lo: new(big.Int).And(sum, new(big.Int).SetUint64(math.MaxUint64)).Uint64(), hi: new(big.Int).Rsh(sum, 64).Uint64()}
		total += p.Journeys
	}
	if total != j.Journeys {
		return bad("paths add up to %d journeys, not %d", total, j.Journeys)
	}
	out.journeys = total
	*v = *out
	return nil
}

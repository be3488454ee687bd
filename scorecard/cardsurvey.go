package scorecard

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// CardResponse is one customer's report-card questionnaire: how important
// each attribute is to them and how they rate each provider on it, all on
// the survey's scale.
type CardResponse struct {
	Importance []Answer   // per attribute; nil when not asked
	Scores     [][]Answer // per provider (ours first), per attribute; a nil row: provider not rated
}

// CardSurvey accumulates report-card questionnaires and turns them into a
// [ReportCard] (mean scores, importance from mean importance ratings) and
// importance–performance inputs. Sums are integers, so merging is exact.
type CardSurvey struct {
	scale     Scale
	attrs     []string
	providers []string
	sum, n    []int64 // provider × attribute
	sumSq     []int64 // provider × attribute: Σ score²
	// provider × attribute × attribute, upper triangle (a < b): over the
	// respondents who rated the provider on both a and b, their count, Σ
	// score on a, Σ score on b and Σ product (for the overall score's
	// interval)
	pairN, pairA, pairB, pairAB []int64
	impSum                      []int64
	impN                        []int64
	respondents                 int64
}

// NewCardSurvey returns an empty survey of attributes rated for providers
// (ours first) on scale. Names must be unique and non-empty (errors wrap
// [ErrInvalidInstrument] or [ErrInvalidScale]).
func NewCardSurvey(scale Scale, attributes, providers []string) (*CardSurvey, error) {
	var errs []error
	if err := scale.Validate(); err != nil {
		errs = append(errs, err)
	}
	check := func(what string, names []string) {
		if len(names) == 0 {
			errs = append(errs, fmt.Errorf("scorecard: card survey: no %ss: %w", what, ErrInvalidInstrument))
		}
		seen := map[string]bool{}
		for _, n := range names {
			if n == "" || seen[n] {
				errs = append(errs, fmt.Errorf("scorecard: card survey: %s %q empty or duplicate: %w", what, n, ErrInvalidInstrument))
			}
			seen[n] = true
		}
	}
	check("attribute", attributes)
	check("provider", providers)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	np, na := len(providers), len(attributes)
	return &CardSurvey{scale: scale, attrs: slices.Clone(attributes), providers: slices.Clone(providers),
		sum: make([]int64, np*na), n: make([]int64, np*na), sumSq: make([]int64, np*na), impSum: make([]int64, na), impN: make([]int64, na),
		pairN: make([]int64, np*na*na), pairA: make([]int64, np*na*na), pairB: make([]int64, np*na*na), pairAB: make([]int64, np*na*na)}, nil
}

// check reports a zero CardSurvey, which has no attributes or providers.
func (c *CardSurvey) check() error {
	if len(c.attrs) == 0 || len(c.providers) == 0 {
		return fmt.Errorf("scorecard: card survey: no attributes or providers (zero value): build it with NewCardSurvey: %w", ErrInvalidInstrument)
	}
	return nil
}

// Add records one questionnaire; errors wrap [ErrRagged] or [ErrOutOfRange]
// and leave the survey unchanged (a zero CardSurvey: [ErrInvalidInstrument]).
func (c *CardSurvey) Add(r CardResponse) error {
	if err := c.check(); err != nil {
		return err
	}
	na := len(c.attrs)
	if r.Importance != nil && len(r.Importance) != na {
		return fmt.Errorf("scorecard: card survey: %d importance answers for %d attributes: %w", len(r.Importance), na, ErrRagged)
	}
	if len(r.Scores) > len(c.providers) {
		return fmt.Errorf("scorecard: card survey: scores for %d providers, survey has %d: %w", len(r.Scores), len(c.providers), ErrRagged)
	}
	for i, a := range r.Importance {
		if err := a.check(c.scale, "importance of", c.attrs[i]); err != nil {
			return err
		}
	}
	for p, row := range r.Scores {
		if row == nil {
			continue
		}
		if len(row) != na {
			return fmt.Errorf("scorecard: card survey: provider %q: %d scores for %d attributes: %w", c.providers[p], len(row), na, ErrRagged)
		}
		for i, a := range row {
			if err := a.check(c.scale, "score of "+c.providers[p]+" on", c.attrs[i]); err != nil {
				return err
			}
		}
	}
	for i, a := range r.Importance {
		if v, ok := a.Rating(); ok {
			c.impSum[i] += int64(v)
			c.impN[i]++
		}
	}
	for p, row := range r.Scores {
		for i, a := range row {
			if v, ok := a.Rating(); ok {
				c.sum[p*na+i] += int64(v)
				c.sumSq[p*na+i] += int64(v) * int64(v)
				c.n[p*na+i]++
			}
		}
		c.addPairs(p, row)
	}
	c.respondents++
	return nil
}

// Merge adds other's questionnaires; the surveys must have the same scale,
// attributes and providers (errors wrap [ErrMismatch]). A zero CardSurvey
// adopts other's definition, so it can be the identity of a fold.
func (c *CardSurvey) Merge(other *CardSurvey) error {
	if other == nil || other.check() != nil {
		return nil
	}
	if c.check() != nil {
		*c = CardSurvey{scale: other.scale, attrs: slices.Clone(other.attrs), providers: slices.Clone(other.providers),
			sum: slices.Clone(other.sum), n: slices.Clone(other.n), sumSq: slices.Clone(other.sumSq), impSum: slices.Clone(other.impSum),
			impN: slices.Clone(other.impN), respondents: other.respondents, pairN: slices.Clone(other.pairN),
			pairA: slices.Clone(other.pairA), pairB: slices.Clone(other.pairB), pairAB: slices.Clone(other.pairAB)}
		return nil
	}
	if c.scale != other.scale || !slices.Equal(c.attrs, other.attrs) || !slices.Equal(c.providers, other.providers) {
		return fmt.Errorf("scorecard: card survey merge: different scale, attributes or providers: %w", ErrMismatch)
	}
	for i := range c.sum {
		c.sum[i] += other.sum[i]
		c.sumSq[i] += other.sumSq[i]
		c.n[i] += other.n[i]
	}
	for i := range c.pairN {
		c.pairN[i] += other.pairN[i]
		c.pairA[i] += other.pairA[i]
		c.pairB[i] += other.pairB[i]
		c.pairAB[i] += other.pairAB[i]
	}
	for i := range c.impSum {
		c.impSum[i] += other.impSum[i]
		c.impN[i] += other.impN[i]
	}
	c.respondents += other.respondents
	return nil
}

// Respondents returns the number of questionnaires added.
func (c *CardSurvey) Respondents() int { return int(c.respondents) }

// Card returns the report card of the mean scores, each attribute's
// importance being its mean importance rating divided by the sum of the
// means. It returns an error wrapping [ErrInsufficientData] when an attribute
// has no importance rating or a provider no score on an attribute, and
// [ErrInvalidInstrument] for a zero CardSurvey.
func (c *CardSurvey) Card() (*ReportCard, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	na := len(c.attrs)
	imp, err := c.meanImportance()
	if err != nil {
		return nil, err
	}
	total := 0.0
	for _, v := range imp {
		total += v
	}
	attrs := make([]Attribute, na)
	for i, v := range imp {
		attrs[i] = Attribute{Name: c.attrs[i], Importance: v / total}
	}
	provs := make([]Provider, len(c.providers))
	for p, name := range c.providers {
		provs[p] = Provider{Name: name, Scores: make([]float64, na)}
		for i := range na {
			if c.n[p*na+i] == 0 {
				return nil, fmt.Errorf("scorecard: card survey: nobody rated %q on %q: %w", name, c.attrs[i], ErrInsufficientData)
			}
			provs[p].Scores[i] = float64(c.sum[p*na+i]) / float64(c.n[p*na+i])
		}
	}
	return NewReportCard(c.scale, attrs, provs[0], provs[1:]...)
}

func (c *CardSurvey) meanImportance() ([]float64, error) {
	out := make([]float64, len(c.attrs))
	for i := range c.attrs {
		if c.impN[i] == 0 {
			return nil, fmt.Errorf("scorecard: card survey: no importance rating for %q: %w", c.attrs[i], ErrInsufficientData)
		}
		out[i] = float64(c.impSum[i]) / float64(c.impN[i])
	}
	return out, nil
}

// IPA classifies the attributes by mean importance rating and our mean score,
// both on the survey's scale, with the crosshair ch (see
// [ImportancePerformance]).
func (c *CardSurvey) IPA(ch Crosshair) (IPAResult, error) {
	if err := c.check(); err != nil {
		return IPAResult{}, err
	}
	imp, err := c.meanImportance()
	if err != nil {
		return IPAResult{}, err
	}
	pts := make([]IPAInput, len(c.attrs))
	for i, name := range c.attrs {
		if c.n[i] == 0 {
			return IPAResult{}, fmt.Errorf("scorecard: card survey: nobody rated %q on %q: %w", c.providers[0], name, ErrInsufficientData)
		}
		pts[i] = IPAInput{Name: name, Importance: imp[i], Performance: float64(c.sum[i]) / float64(c.n[i])}
	}
	return ImportancePerformance(pts, IPAConfig{Crosshair: ch, ImportanceScale: c.scale, PerformanceScale: c.scale})
}

// Samples returns each provider's ratings of each attribute as a [Sample]
// (count, mean and standard deviation), indexed [provider][attribute],
// ours first; the mean and SD are NaN without ratings (SD also with one).
func (c *CardSurvey) Samples() [][]Sample {
	na := len(c.attrs)
	out := make([][]Sample, len(c.providers))
	for p := range out {
		out[p] = make([]Sample, na)
		for i := range na {
			k := p*na + i
			n := float64(c.n[k])
			smp := Sample{N: n, Mean: math.NaN(), SD: math.NaN()}
			if n > 0 {
				smp.Mean = float64(c.sum[k]) / n
			}
			if n > 1 {
				// n·Σx² − (Σx)² is an exact integer: no cancellation.
				ss := float64(c.n[k]*c.sumSq[k] - c.sum[k]*c.sum[k])
				smp.SD = math.Sqrt(ss / (n * (n - 1)))
			}
			out[p][i] = smp
		}
	}
	return out
}

// ScoreIntervals returns the 95 % t interval of every mean score, indexed
// [provider][attribute] like [CardSurvey.Samples]; bounds are NaN where a
// provider has fewer than two ratings on an attribute.
func (c *CardSurvey) ScoreIntervals() [][]Interval {
	smp := c.Samples()
	out := make([][]Interval, len(smp))
	for p, row := range smp {
		out[p] = make([]Interval, len(row))
		for i, s := range row {
			ci, err := MeanCI(s, 0.95)
			if err != nil {
				ci = nanInterval()
				ci.Estimate = s.Mean
			}
			out[p][i] = ci
		}
	}
	return out
}

// CompareCardSurveys tests, provider by provider and attribute by
// attribute, whether the mean scores of two independent surveys (two
// periods, two regions) differ, first − second, with [WelchTest]. The result
// is indexed [provider][attribute]; a cell that cannot be tested (fewer than
// two ratings, no variance) has Test "" and NaN statistic and p-value. The
// surveys must share scale, attributes and providers (errors wrap
// [ErrMismatch]; zero surveys [ErrInvalidInstrument]).
func CompareCardSurveys(a, b *CardSurvey) ([][]TestResult, error) {
	if err := a.check(); err != nil {
		return nil, err
	}
	if err := b.check(); err != nil {
		return nil, err
	}
	if a.scale != b.scale || !slices.Equal(a.attrs, b.attrs) || !slices.Equal(a.providers, b.providers) {
		return nil, fmt.Errorf("scorecard: compare card surveys: different scale, attributes or providers: %w", ErrMismatch)
	}
	sa, sb := a.Samples(), b.Samples()
	out := make([][]TestResult, len(sa))
	for p := range sa {
		out[p] = make([]TestResult, len(sa[p]))
		for i := range sa[p] {
			r, err := WelchTest(sa[p][i], sb[p][i])
			if err != nil {
				r = TestResult{Statistic: math.NaN(), DF: math.NaN(), PValue: math.NaN(), Difference: sa[p][i].Mean - sb[p][i].Mean,
					CI: nanInterval(), Effect: math.NaN()}
			}
			out[p][i] = r
		}
	}
	return out, nil
}

// addPairs adds one respondent's ratings of provider p to the pair sums.
func (c *CardSurvey) addPairs(p int, row []Answer) {
	na := len(c.attrs)
	for a, x := range row {
		va, ok := x.Rating()
		if !ok {
			continue
		}
		for b := a + 1; b < na; b++ {
			vb, ok := row[b].Rating()
			if !ok {
				continue
			}
			k := (p*na+a)*na + b
			c.pairN[k]++
			c.pairA[k] += int64(va)
			c.pairB[k] += int64(vb)
			c.pairAB[k] += int64(va) * int64(vb)
		}
	}
}

// OverallIntervals returns, per provider (ours first), the 95 % interval of
// the weighted overall score Σ wₐ·x̄ₐ of [CardSurvey.Card], the weights
// taken as fixed (the interval is conditional on the importance estimates).
// Its variance is Σₐ Σ_b wₐ·w_b·Cov(x̄ₐ, x̄_b), each covariance from the
// respondents who rated the provider on both attributes (n_ab/(nₐ·n_b) times
// their sample covariance), so ratings of one customer across attributes
// count as correlated; t has min nₐ − 1 degrees of freedom. With complete
// answers it is the t interval of each respondent's own weighted score. A
// provider with fewer than two ratings on an attribute, or two attributes
// rated together by fewer than two respondents, gets NaN bounds. Errors are
// those of Card.
func (c *CardSurvey) OverallIntervals() ([]Interval, error) {
	card, err := c.Card()
	if err != nil {
		return nil, err
	}
	w := card.Weights()
	overall := card.Result().Overall
	smp := c.Samples()
	na := len(c.attrs)
	out := make([]Interval, len(c.providers))
	for p := range c.providers {
		out[p] = nanInterval()
		out[p].Estimate = overall[p]
		v, minN, ok := 0.0, math.Inf(1), true
		for a := range na {
			sa := smp[p][a]
			minN = math.Min(minN, sa.N)
			ok = ok && sa.N >= 2
			v += w[a] * w[a] * sa.SD * sa.SD / sa.N
			for b := a + 1; b < na; b++ {
				k := (p*na+a)*na + b
				nab := c.pairN[k]
				if nab < 2 {
					ok = false
					continue
				}
				// n·Σab − Σa·Σb is an exact integer: no cancellation.
				cov := float64(nab*c.pairAB[k]-c.pairA[k]*c.pairB[k]) / float64(nab*(nab-1))
				v += 2 * w[a] * w[b] * cov * float64(nab) / (sa.N * smp[p][b].N)
			}
		}
		if !ok || !(v >= 0) {
			continue
		}
		h := tQuantile(0.975, minN-1) * math.Sqrt(v)
		out[p].Lower, out[p].Upper = overall[p]-h, overall[p]+h
	}
	return out, nil
}

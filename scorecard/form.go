package scorecard

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/servuction/servuction/internal/enum"
)

// Criterion is one line of an evaluation [Form].
type Criterion struct {
	Name     string  `json:"name"`
	Weight   float64 `json:"weight"`             // relative weight, > 0
	Critical bool    `json:"critical,omitempty"` // failing it fails the whole evaluation
	Group    string  `json:"group,omitempty"`    // optional heading, e.g. "principle" or "question"
}

// Form is a weighted pass/fail checklist an evaluator fills in for one
// contact: the mystery shopper's form (comprador misterioso), the attention
// techniques (técnicas de atención) and the verbal-message checklist of the
// course notes. A Form is immutable and safe for concurrent use.
type Form struct {
	name     string
	criteria []Criterion
}

// NewForm validates and returns a form: at least one criterion, unique
// non-empty names, weights finite and > 0. Every problem is reported (errors
// wrap [ErrInvalidInstrument] or [ErrInvalidWeights]).
func NewForm(name string, criteria []Criterion) (*Form, error) {
	var errs []error
	if len(criteria) == 0 {
		errs = append(errs, fmt.Errorf("scorecard: form %q: no criteria: %w", name, ErrInvalidInstrument))
	}
	seen := map[string]bool{}
	for i, c := range criteria {
		if c.Name == "" || seen[c.Name] {
			errs = append(errs, fmt.Errorf("scorecard: form %q: criterion %d: name %q empty or duplicate: %w", name, i+1, c.Name, ErrInvalidInstrument))
		}
		seen[c.Name] = true
		if !(c.Weight > 0) || math.IsInf(c.Weight, 0) {
			errs = append(errs, fmt.Errorf("scorecard: form %q: criterion %q: weight %v: want a finite value > 0: %w", name, c.Name, c.Weight, ErrInvalidWeights))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &Form{name: name, criteria: append([]Criterion(nil), criteria...)}, nil
}

// MustForm is like [NewForm] but panics on error; use it only for literals.
func MustForm(name string, criteria []Criterion) *Form {
	f, err := NewForm(name, criteria)
	if err != nil {
		panic(err)
	}
	return f
}

// Name returns the form's name.
func (f *Form) Name() string { return f.name }

// Criteria returns a copy of the criteria.
func (f *Form) Criteria() []Criterion { return append([]Criterion(nil), f.criteria...) }

// Len returns the number of criteria.
func (f *Form) Len() int { return len(f.criteria) }

// Equal reports whether two forms have the same name and criteria.
func (f *Form) Equal(o *Form) bool {
	if f == o {
		return true
	}
	if f == nil || o == nil || f.name != o.name || len(f.criteria) != len(o.criteria) {
		return false
	}
	for i := range f.criteria {
		if f.criteria[i] != o.criteria[i] {
			return false
		}
	}
	return true
}

type formJSON struct {
	Name     string      `json:"name"`
	Criteria []Criterion `json:"criteria"`
}

// MarshalJSON encodes the form as {"name", "criteria"}.
func (f *Form) MarshalJSON() ([]byte, error) {
	return json.Marshal(formJSON{f.name, f.criteria})
}

// UnmarshalJSON decodes and validates a form as [NewForm] does; on error *f
// is unchanged.
func (f *Form) UnmarshalJSON(data []byte) error {
	var j formJSON
	if err := strictJSON(data, &j); err != nil {
		return fmt.Errorf("scorecard: form JSON: %w: %w", ErrInvalidInstrument, err)
	}
	v, err := NewForm(j.Name, j.Criteria)
	if err != nil {
		return err
	}
	*f = *v
	return nil
}

// DefaultMysteryForm returns the mystery shopper's form of the course notes
// (the evaluator "takes into account the tone of language, courtesy, sales
// opportunities, product knowledge, time to attend and the resolution of the
// problem"). Weights are points out of 100: tone 15, courtesy 15, sales
// opportunities 10, product knowledge 20, time to attend 15, resolution 25;
// resolution is critical: an unresolved problem fails the visit.
func DefaultMysteryForm() *Form { return defaultMysteryForm }

var defaultMysteryForm = MustForm("mystery shopper", []Criterion{
	{Name: "tone of language", Weight: 15},           // tono de lenguaje
	{Name: "courtesy", Weight: 15},                   // cordialidad
	{Name: "sales opportunities", Weight: 10},        // oportunidades de venta
	{Name: "product knowledge", Weight: 20},          // conocimiento del producto
	{Name: "time to attend", Weight: 15},             // tiempo de atención
	{Name: "resolution", Weight: 25, Critical: true}, // resolución del problema
})

// AttentionTechniquesForm returns the course notes' customer-attention
// techniques (técnicas de atención al cliente) as an evaluation form with
// equal weights: speed (rapidez), simplicity (sencillez), interface
// (interfaz: the channel and tools between customer and company), courtesy
// (cortesía), truthfulness (veracidad) and discretion (discreción).
// Truthfulness and discretion are critical: a contact that misleads the
// customer or exposes their data fails whatever else went well.
func AttentionTechniquesForm() *Form { return attentionForm }

var attentionForm = MustForm("attention techniques", []Criterion{
	{Name: "speed", Weight: 1},
	{Name: "simplicity", Weight: 1},
	{Name: "interface", Weight: 1},
	{Name: "courtesy", Weight: 1},
	{Name: "truthfulness", Weight: 1, Critical: true},
	{Name: "discretion", Weight: 1, Critical: true},
})

// VerbalMessageForm returns the checklist an evaluator fills for one contact
// from the course notes: the principles that make a verbal message accepted
// (group "principle": precision, clarity, plain words understood by everyone,
// vivid — "as graphic as possible" so the customer forms a mental image —
// and positive: no negative gestures), and the three questions customer
// service answers (group "question", each critical: what is offered, how the
// customer will get it, when).
func VerbalMessageForm() *Form { return verbalForm }

var verbalForm = MustForm("verbal message", []Criterion{
	{Name: "precision", Weight: 1, Group: "principle"},           // precisión
	{Name: "clarity", Weight: 1, Group: "principle"},             // claridad
	{Name: "plain words", Weight: 1, Group: "principle"},         // léxico entendible, sin palabras populares
	{Name: "vivid", Weight: 1, Group: "principle"},               // lo más gráfico posible
	{Name: "positive", Weight: 1, Group: "principle"},            // imagen positiva, sin gestos negativos
	{Name: "what", Weight: 1, Group: "question", Critical: true}, // el qué
	{Name: "how", Weight: 1, Group: "question", Critical: true},  // el cómo
	{Name: "when", Weight: 1, Group: "question", Critical: true}, // el cuándo
})

// Mark is an evaluator's verdict on one criterion. The zero value,
// [Unmarked], is not a verdict: every criterion must be marked.
type Mark uint8

// The marks.
const (
	Unmarked Mark = iota // not filled in
	Pass                 // cumple
	Fail                 // no cumple
	MarkNA               // no aplica: leaves the denominator
)

var markNames = enum.New("scorecard: mark", ErrInvalidValue,
	[]string{"unmarked", "pass", "fail", "not-applicable"},
	map[string]Mark{"sin marcar": Unmarked, "cumple": Pass, "sí": Pass, "yes": Pass, "ok": Pass,
		"no cumple": Fail, "no": Fail, "N/A": MarkNA, "NA": MarkNA, "no aplica": MarkNA})

// ParseMark returns the mark named s ("pass", "cumple", "sí", "no", "N/A", …).
func ParseMark(s string) (Mark, error) { return markNames.Parse(s) }

// String returns the mark's English name.
func (m Mark) String() string { return markNames.String(m) }

// MarshalText implements encoding.TextMarshaler.
func (m Mark) MarshalText() ([]byte, error) { return markNames.MarshalText(m) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseMark].
func (m *Mark) UnmarshalText(text []byte) error { return markNames.UnmarshalText(m, text) }

// FormScore is one filled form, scored.
type FormScore struct {
	// Score is Σ weight of passed criteria / Σ weight of applicable criteria,
	// in [0, 1]; 0 when a critical criterion failed.
	Score float64
	// Raw is the same ratio ignoring the critical rule.
	Raw float64
	// Failed is true when a critical criterion failed.
	Failed bool
	// FailedCritical lists the names of the critical criteria that failed.
	FailedCritical []string
	// Applicable counts the criteria not marked N/A.
	Applicable int
}

// Score scores marks, one per criterion in order. Not-applicable criteria
// leave the denominator. Errors wrap [ErrRagged] (wrong count),
// [ErrInvalidValue] (unmarked or undefined mark) or [ErrInsufficientData]
// (every criterion N/A).
func (f *Form) Score(marks []Mark) (FormScore, error) {
	if len(marks) != len(f.criteria) {
		return FormScore{}, fmt.Errorf("scorecard: form %q: %d marks for %d criteria: %w", f.name, len(marks), len(f.criteria), ErrRagged)
	}
	var s FormScore
	var num, den float64
	for i, m := range marks {
		c := &f.criteria[i]
		switch m {
		case Pass:
			num += c.Weight
			den += c.Weight
			s.Applicable++
		case Fail:
			den += c.Weight
			s.Applicable++
			if c.Critical {
				s.Failed = true
				s.FailedCritical = append(s.FailedCritical, c.Name)
			}
		case MarkNA:
		default:
			return FormScore{}, fmt.Errorf("scorecard: form %q: criterion %q: mark %s: want pass, fail or not-applicable: %w", f.name, c.Name, m, ErrInvalidValue)
		}
	}
	if s.Applicable == 0 {
		return FormScore{}, fmt.Errorf("scorecard: form %q: every criterion not applicable: %w", f.name, ErrInsufficientData)
	}
	s.Raw = num / den
	if !s.Failed {
		s.Score = s.Raw
	}
	return s, nil
}

// Evaluation is one filled form: a mystery-shopper visit or an evaluated
// contact, by branch and agent.
type Evaluation struct {
	Branch string
	Agent  string
	Marks  []Mark // one per criterion, in the form's order
}

type groupSums struct {
	visits, failed int64
	score          float64 // Σ visit scores
}

type markCounts struct{ pass, fail, na int64 }

// MysteryShop accumulates evaluations of one [Form] and aggregates them per
// branch and per agent. The zero value uses [DefaultMysteryForm]; use
// [NewMysteryShop] for another form. Counts merge exactly; mean scores are
// float64 sums, equal up to rounding. Its size grows with the number of
// distinct branches and agents (the per-group results need one sum each),
// never with the number of visits.
type MysteryShop struct {
	form     *Form
	all      groupSums
	branches map[string]*groupSums
	agents   map[string]*groupSums
	criteria []markCounts
}

// NewMysteryShop returns an empty accumulator for form (nil means
// [DefaultMysteryForm]).
func NewMysteryShop(form *Form) *MysteryShop {
	if form == nil {
		form = defaultMysteryForm
	}
	return &MysteryShop{form: form}
}

// Form returns the accumulator's form.
func (m *MysteryShop) Form() *Form {
	if m.form == nil {
		return defaultMysteryForm
	}
	return m.form
}

func (m *MysteryShop) init() {
	if m.form == nil {
		m.form = defaultMysteryForm
	}
	if m.criteria == nil {
		m.criteria = make([]markCounts, m.form.Len())
		m.branches = map[string]*groupSums{}
		m.agents = map[string]*groupSums{}
	}
}

func addGroup(dst map[string]*groupSums, key string, g groupSums) {
	s := dst[key]
	if s == nil {
		s = &groupSums{}
		dst[key] = s
	}
	s.visits += g.visits
	s.failed += g.failed
	s.score += g.score
}

// Add scores one evaluation (see [Form.Score] for errors; a rejected
// evaluation changes nothing).
func (m *MysteryShop) Add(e Evaluation) error {
	m.init()
	fs, err := m.form.Score(e.Marks)
	if err != nil {
		return err
	}
	g := groupSums{visits: 1, score: fs.Score}
	if fs.Failed {
		g.failed = 1
	}
	m.all.visits++
	m.all.failed += g.failed
	m.all.score += g.score
	addGroup(m.branches, e.Branch, g)
	addGroup(m.agents, e.Agent, g)
	for i, mk := range e.Marks {
		switch mk {
		case Pass:
			m.criteria[i].pass++
		case Fail:
			m.criteria[i].fail++
		default:
			m.criteria[i].na++
		}
	}
	return nil
}

// Merge adds other's evaluations. Both must use the same form (an empty
// accumulator merges with anything), otherwise it returns an error wrapping
// [ErrMismatch] and leaves m unchanged.
func (m *MysteryShop) Merge(other *MysteryShop) error {
	if other == nil || other.all.visits == 0 {
		return nil
	}
	if m.all.visits == 0 {
		m.form, m.criteria = other.Form(), nil
	}
	if !m.Form().Equal(other.Form()) {
		return fmt.Errorf("scorecard: mystery shop merge: forms %q and %q differ: %w", m.Form().Name(), other.Form().Name(), ErrMismatch)
	}
	m.init()
	m.all.visits += other.all.visits
	m.all.failed += other.all.failed
	m.all.score += other.all.score
	for k, g := range other.branches {
		addGroup(m.branches, k, *g)
	}
	for k, g := range other.agents {
		addGroup(m.agents, k, *g)
	}
	for i := range m.criteria {
		m.criteria[i].pass += other.criteria[i].pass
		m.criteria[i].fail += other.criteria[i].fail
		m.criteria[i].na += other.criteria[i].na
	}
	return nil
}

// GroupScore summarises the evaluations of one branch, one agent or all.
type GroupScore struct {
	Key       string  // branch or agent name ("" for the overall summary)
	Visits    int     // evaluations
	Failed    int     // evaluations failed on a critical criterion
	MeanScore float64 // mean evaluation score in [0, 1] (failed ones count 0); NaN if none
}

// CriterionScore counts the marks of one criterion.
type CriterionScore struct {
	Name           string
	Critical       bool
	Pass, Fail, NA int
	PassRate       float64 // Pass / (Pass + Fail); NaN if never applicable
}

// MysteryShopResult is the aggregated programme.
type MysteryShopResult struct {
	Form     string
	Overall  GroupScore
	Branches []GroupScore // sorted by name
	Agents   []GroupScore // sorted by name
	Criteria []CriterionScore
}

func (g groupSums) summary(key string) GroupScore {
	return GroupScore{Key: key, Visits: int(g.visits), Failed: int(g.failed), MeanScore: ratioF(g.score, g.visits)}
}

func sortedGroups(m map[string]*groupSums) []GroupScore {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]GroupScore, len(keys))
	for i, k := range keys {
		out[i] = m[k].summary(k)
	}
	return out
}

// Result returns the aggregates so far.
func (m *MysteryShop) Result() MysteryShopResult {
	f := m.Form()
	r := MysteryShopResult{Form: f.Name(), Overall: m.all.summary(""),
		Branches: sortedGroups(m.branches), Agents: sortedGroups(m.agents)}
	for i, c := range f.criteria {
		var mc markCounts
		if m.criteria != nil {
			mc = m.criteria[i]
		}
		r.Criteria = append(r.Criteria, CriterionScore{Name: c.Name, Critical: c.Critical,
			Pass: int(mc.pass), Fail: int(mc.fail), NA: int(mc.na), PassRate: ratio(mc.pass, mc.pass+mc.fail)})
	}
	return r
}

// criterionAliases maps the course notes' Spanish names of the default forms'
// criteria to their English names, keyed by folded form (enum.Fold).
var criterionAliases = func() map[string]string {
	m := map[string]string{}
	for es, en := range map[string]string{
		"tono de lenguaje": "tone of language", "tono": "tone of language",
		"cordialidad": "courtesy", "cordialidades": "courtesy", "cortesía": "courtesy",
		"oportunidades de venta": "sales opportunities", "oportunidades de ventas": "sales opportunities",
		"conocimiento del producto": "product knowledge",
		"tiempo de atención":        "time to attend",
		"resolución":                "resolution", "resolución del problema": "resolution",
		"rapidez": "speed", "sencillez": "simplicity", "interfaz": "interface",
		"veracidad": "truthfulness", "discreción": "discretion",
		"precisión": "precision", "claridad": "clarity",
		"léxico entendible": "plain words", "palabras sencillas": "plain words",
		"gráfico": "vivid", "lo más gráfico posible": "vivid", "positivo": "positive",
		"el qué": "what", "qué": "what", "el cómo": "how", "cómo": "how", "el cuándo": "when", "cuándo": "when",
	} {
		m[enum.Fold(es)] = en
	}
	return m
}()

// Index returns the position of the criterion named name, matched without
// regard to case, accents or separators, in English or — for the criteria of
// the default forms — in the course notes' Spanish ("rapidez", "cordialidad",
// "el cuándo"). It returns -1 if no criterion matches.
func (f *Form) Index(name string) int {
	key := enum.Fold(name)
	if en, ok := criterionAliases[key]; ok {
		key = enum.Fold(en)
	}
	for i, c := range f.criteria {
		if enum.Fold(c.Name) == key {
			return i
		}
	}
	return -1
}

// MarksByName turns an evaluator's marks keyed by criterion name (see
// [Form.Index]) into the ordered slice [Form.Score] takes. Every criterion
// must be marked exactly once; unknown names, duplicates and omissions are
// reported together (errors wrap [ErrInvalidValue] or [ErrRagged]).
func (f *Form) MarksByName(named map[string]Mark) ([]Mark, error) {
	marks := make([]Mark, len(f.criteria))
	var errs []error
	names := make([]string, 0, len(named))
	for n := range named {
		names = append(names, n)
	}
	sort.Strings(names) // deterministic error messages
	for _, n := range names {
		i := f.Index(n)
		switch {
		case i < 0:
			errs = append(errs, fmt.Errorf("scorecard: form %q: no criterion %q: %w", f.name, n, ErrInvalidValue))
		case marks[i] != Unmarked:
			errs = append(errs, fmt.Errorf("scorecard: form %q: criterion %q marked twice (as %q): %w", f.name, f.criteria[i].Name, n, ErrInvalidValue))
		default:
			marks[i] = named[n]
			if marks[i] == Unmarked {
				errs = append(errs, fmt.Errorf("scorecard: form %q: criterion %q: unmarked: %w", f.name, f.criteria[i].Name, ErrInvalidValue))
			}
		}
	}
	for i, m := range marks {
		if m == Unmarked && !slicesContainsName(names, f, i) {
			errs = append(errs, fmt.Errorf("scorecard: form %q: criterion %q not marked: %w", f.name, f.criteria[i].Name, ErrRagged))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return marks, nil
}

// slicesContainsName reports whether one of names designates criterion i.
func slicesContainsName(names []string, f *Form, i int) bool {
	for _, n := range names {
		if f.Index(n) == i {
			return true
		}
	}
	return false
}

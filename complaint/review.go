package complaint

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/servuction/servuction/internal/enum"
)

// FiveP is one of the course notes' five Ps of an e-mail reply (las 5 P del
// e-mail). The zero value is [PUnknown].
type FiveP uint8

// The five Ps.
const (
	PUnknown     FiveP = iota // not set
	Prompt                    // rapidez de respuesta, against the SLA target
	Polite                    // las normas de cortesía
	Personal                  // personalización de la respuesta
	Professional              // quality of the information, no slang (evitando palabras populares)
	Promotional               // aprovechar el medio para promocionar productos
)

var fivePNames = enum.New("complaint: five P", ErrInvalidValue,
	[]string{"unknown", "prompt", "polite", "personal", "professional", "promotional"},
	map[string]FiveP{"desconocido": PUnknown, "rapidez": Prompt, "rapidez de respuesta": Prompt, "cortesía": Polite,
		"cortés": Polite, "personalización": Personal, "profesional": Professional, "promocional": Promotional,
		"promoción": Promotional,
		// The course notes' glosses: "las normas de cortesía", "personalización de la respuesta".
		"normas de cortesía": Polite, "las normas de cortesía": Polite, "personalización de la respuesta": Personal})

// FivePs returns the five Ps in the course notes' order.
func FivePs() []FiveP { return []FiveP{Prompt, Polite, Personal, Professional, Promotional} }

// ParseFiveP returns the P named s ("polite", "cortesía", …).
func ParseFiveP(s string) (FiveP, error) { return fivePNames.Parse(s) }

// String returns the P's English name.
func (p FiveP) String() string { return fivePNames.String(p) }

// IsValid reports whether p is defined.
func (p FiveP) IsValid() bool { return fivePNames.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p FiveP) MarshalText() ([]byte, error) { return fivePNames.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseFiveP].
func (p *FiveP) UnmarshalText(text []byte) error { return fivePNames.UnmarshalText(p, text) }

// Language is the language of a reply. The zero value is [LanguageUnknown].
type Language uint8

// The languages with built-in lexicons.
const (
	LanguageUnknown Language = iota
	Spanish                  // español
	English                  // inglés
)

var languageNames = enum.New("complaint: language", ErrInvalidValue,
	[]string{"unknown", "spanish", "english"},
	map[string]Language{"desconocido": LanguageUnknown, "es": Spanish, "español": Spanish, "castellano": Spanish,
		"en": English, "inglés": English})

// ParseLanguage returns the language named s ("es", "español", "english", …).
func ParseLanguage(s string) (Language, error) { return languageNames.Parse(s) }

// String returns the language's English name.
func (l Language) String() string { return languageNames.String(l) }

// IsValid reports whether l is defined.
func (l Language) IsValid() bool { return languageNames.Valid(l) }

// MarshalText implements encoding.TextMarshaler.
func (l Language) MarshalText() ([]byte, error) { return languageNames.MarshalText(l) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseLanguage].
func (l *Language) UnmarshalText(text []byte) error { return languageNames.UnmarshalText(l, text) }

// Lexicon holds the words and phrases a review looks for. Matching is by
// whole words, in any case, accents optional.
type Lexicon struct {
	Greetings   []string `json:"greetings"`   // polite: a greeting
	Courtesy    []string `json:"courtesy"`    // polite: please, thank you, sorry
	Closings    []string `json:"closings"`    // polite: a closing formula
	Slang       []string `json:"slang"`       // professional: popular words to avoid
	Promotional []string `json:"promotional"` // promotional: offers, news, products
}

// SpanishLexicon returns the built-in Spanish lexicon.
func SpanishLexicon() Lexicon {
	return Lexicon{
		Greetings:   []string{"hola", "buenos días", "buenas tardes", "buenas noches", "estimado", "estimada", "apreciado", "apreciada", "cordial saludo"},
		Courtesy:    []string{"por favor", "gracias", "le agradecemos", "disculpe", "disculpas", "lamentamos", "le pedimos perdón", "con gusto"},
		Closings:    []string{"atentamente", "cordialmente", "saludos", "un saludo", "quedamos atentos", "quedamos a su disposición"},
		Slang:       []string{"chévere", "bacán", "parce", "guay", "mola", "tío", "vale tío", "chido", "onda", "porfa", "q", "xq", "bro", "ok"},
		Promotional: []string{"oferta", "promoción", "descuento", "novedad", "nuevo servicio", "nuevos productos", "le invitamos", "beneficio", "club"},
	}
}

// EnglishLexicon returns the built-in English lexicon.
func EnglishLexicon() Lexicon {
	return Lexicon{
		Greetings:   []string{"hello", "hi", "dear", "good morning", "good afternoon", "good evening"},
		Courtesy:    []string{"please", "thank you", "thanks", "we apologise", "we apologize", "sorry", "glad to help"},
		Closings:    []string{"regards", "kind regards", "sincerely", "best wishes", "yours", "at your disposal"},
		Slang:       []string{"gonna", "wanna", "gotta", "dude", "lol", "cool", "yeah", "nope", "u", "ur", "btw", "ok"},
		Promotional: []string{"offer", "promotion", "discount", "new service", "new products", "we invite you", "members", "loyalty"},
	}
}

// ReviewConfig configures a [Reviewer]. Zero fields take the defaults.
type ReviewConfig struct {
	// Lexicons by language; a language missing takes its built-in lexicon.
	Lexicons map[Language]Lexicon
	// MinWords is the length under which a reply is too thin to be
	// professional; default 20.
	MinWords int
}

// Reviewer scores replies on the five Ps. It is immutable and safe for
// concurrent use.
type Reviewer struct {
	lex      [3]foldedLexicon
	minWords int
}

type foldedLexicon struct {
	greetings, courtesy, closings, slang, promotional [][]string
}

// NewReviewer returns a reviewer after checking the configuration.
func NewReviewer(cfg ReviewConfig) (*Reviewer, error) {
	var errs []error
	if cfg.MinWords < 0 {
		errs = append(errs, fmt.Errorf("complaint: review: min words %d is negative: %w", cfg.MinWords, ErrInvalidConfig))
	}
	r := &Reviewer{minWords: cfg.MinWords}
	if r.minWords == 0 {
		r.minWords = 20
	}
	for l := range cfg.Lexicons {
		if l == LanguageUnknown || !l.IsValid() {
			errs = append(errs, fmt.Errorf("complaint: review: lexicon for language %s: %w", l, ErrInvalidConfig))
		}
	}
	for _, l := range []Language{Spanish, English} {
		lx, ok := cfg.Lexicons[l]
		if !ok {
			lx = map[Language]Lexicon{Spanish: SpanishLexicon(), English: EnglishLexicon()}[l]
		}
		r.lex[l] = foldedLexicon{fold(lx.Greetings), fold(lx.Courtesy), fold(lx.Closings), fold(lx.Slang), fold(lx.Promotional)}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return r, nil
}

func fold(phrases []string) [][]string {
	var out [][]string
	for _, p := range phrases {
		if w := words(p); len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// words splits s into folded words (lower case, accents removed). A token
// with a digit joined by '-', '/' or '_' is one word, so a reference such as
// "Q-305" or a date "2026-03-01" never reads as the words "q" and "305"; in
// other tokens those joiners separate words ("cliente-empresa").
func words(s string) []string {
	joiner := func(r rune) bool { return r == '-' || r == '/' || r == '_' }
	tokens := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !joiner(r) })
	var out []string
	for _, t := range tokens {
		if strings.IndexFunc(t, unicode.IsDigit) >= 0 {
			if w := enum.Fold(t); w != "" {
				out = append(out, w)
			}
			continue
		}
		for _, w := range strings.FieldsFunc(t, joiner) {
			out = append(out, enum.Fold(w))
		}
	}
	return out
}

// find returns the phrases of lex found in text, in lexicon order.
func find(text []string, lex [][]string) []string {
	var found []string
	for _, p := range lex {
		for i := 0; i+len(p) <= len(text); i++ {
			match := true
			for j := range p {
				if text[i+j] != p[j] {
					match = false
					break
				}
			}
			if match {
				found = append(found, strings.Join(p, " "))
				break
			}
		}
	}
	return found
}

// Reply is an e-mail reply to review.
type Reply struct {
	Text     string
	Language Language
	// Customer is the customer's name, for the personal P.
	Customer string
	// Case is the case id; a reply that cites it is more personal.
	Case string
	// Received is when the customer wrote, Sent when the reply went out, and
	// Target the response time agreed (from the SLA).
	Received, Sent time.Time
	Target         time.Duration
}

// PScore is the score of one P, in [0, 1], with the findings behind it.
// Reasons are the findings written in English ([Finding.Text]), kept for
// callers that print them as they are; Findings hold them as codes with
// their particulars, to be written in either language.
type PScore struct {
	P        FiveP
	Score    float64
	Reasons  []string
	Findings []Finding
}

// add records a finding and its English reason.
func (p *PScore) add(f Finding) {
	p.Findings = append(p.Findings, f)
	p.Reasons = append(p.Reasons, f.Text(English))
}

// Review is a reply's five scores, in [FivePs] order, and their mean.
type Review struct {
	Scores []PScore
	Total  float64
}

// Review scores a reply:
//   - prompt: 1 within Target, 0.5 within twice Target, else 0;
//   - polite: a third each for a greeting, a courtesy phrase and a closing;
//   - personal: the customer's name (two thirds, or all when no case is
//     given) and the case id (one third);
//   - professional: 1 minus a quarter per slang word, per shouted word (four
//     or more capitals), for repeated "!!" and for fewer than MinWords words,
//     not below 0;
//   - promotional: 1 when the reply promotes something, else 0.
func (r *Reviewer) Review(rep Reply) (Review, error) {
	var errs []error
	if rep.Language == LanguageUnknown || !rep.Language.IsValid() {
		errs = append(errs, fmt.Errorf("complaint: review: language %s: %w", rep.Language, ErrInvalidValue))
	}
	if rep.Target <= 0 {
		errs = append(errs, fmt.Errorf("complaint: review: target %s must be positive: %w", rep.Target, ErrInvalidValue))
	}
	if rep.Received.IsZero() || rep.Sent.Before(rep.Received) {
		errs = append(errs, fmt.Errorf("complaint: review: sent %s before received %s: %w", rep.Sent.Format(time.RFC3339), rep.Received.Format(time.RFC3339), ErrInvalidValue))
	}
	if len(words(rep.Customer)) == 0 {
		errs = append(errs, fmt.Errorf("complaint: review: customer name is missing: %w", ErrInvalidValue))
	}
	if err := errors.Join(errs...); err != nil {
		return Review{}, err
	}
	lx := r.lex[rep.Language]
	text := words(rep.Text)
	out := Review{Scores: []PScore{prompt(rep), polite(text, lx), personal(rep, text), r.professional(rep, text, lx), promotional(text, lx)}}
	for _, s := range out.Scores {
		out.Total += s.Score
	}
	out.Total /= float64(len(out.Scores))
	return out, nil
}

// prompt scores the time the reply took against the target.
func prompt(rep Reply) PScore {
	took := rep.Sent.Sub(rep.Received)
	p := PScore{P: Prompt}
	f := Finding{Code: AnsweredVeryLate, Took: took, Target: rep.Target}
	switch {
	case took <= rep.Target:
		p.Score, f.Code = 1, AnsweredInTime
	case took <= 2*rep.Target:
		p.Score, f.Code = 0.5, AnsweredLate
	}
	p.add(f)
	return p
}

// polite scores the greeting, the courtesy phrase and the closing.
func polite(text []string, lx foldedLexicon) PScore {
	p := PScore{P: Polite}
	for _, part := range []struct {
		found, missing FindingCode
		lex            [][]string
	}{{Greeting, NoGreeting, lx.greetings}, {CourtesyPhrase, NoCourtesyPhrase, lx.courtesy}, {Closing, NoClosing, lx.closings}} {
		if f := find(text, part.lex); len(f) > 0 {
			p.Score += 1.0 / 3
			p.add(Finding{Code: part.found, Phrase: f[0]})
		} else {
			p.add(Finding{Code: part.missing})
		}
	}
	return p
}

// personal scores the customer's name and the case id.
func personal(rep Reply, text []string) PScore {
	p := PScore{P: Personal}
	nameWeight := 1.0
	if rep.Case != "" {
		nameWeight = 2.0 / 3
	}
	name := words(rep.Customer)
	if len(find(text, [][]string{name[:1]})) > 0 {
		p.Score += nameWeight
		p.add(Finding{Code: UsesName, Phrase: strings.Fields(rep.Customer)[0]})
	} else {
		p.add(Finding{Code: NoName})
	}
	if rep.Case != "" {
		if strings.Contains(enum.Fold(rep.Text), enum.Fold(rep.Case)) {
			p.Score += 1.0 / 3
			p.add(Finding{Code: CitesCase, Phrase: rep.Case})
		} else {
			p.add(Finding{Code: NoCase, Phrase: rep.Case})
		}
	}
	return p
}

// professional takes a quarter off for each slang word, shouted word,
// repeated "!!" and a reply too short to inform.
func (r *Reviewer) professional(rep Reply, text []string, lx foldedLexicon) PScore {
	p := PScore{P: Professional, Score: 1}
	penalty := func(f Finding) {
		p.Score -= 0.25
		p.add(f)
	}
	for _, s := range find(text, lx.slang) {
		penalty(Finding{Code: Slang, Phrase: s})
	}
	for _, w := range strings.FieldsFunc(rep.Text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 4 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			penalty(Finding{Code: Shouting, Phrase: w})
		}
	}
	if strings.Contains(rep.Text, "!!") {
		penalty(Finding{Code: RepeatedExclamation})
	}
	if len(text) < r.minWords {
		penalty(Finding{Code: TooShort, Words: len(text), MinWords: r.minWords})
	}
	if p.Score < 0 {
		p.Score = 0
	}
	if len(p.Findings) == 0 {
		p.add(Finding{Code: Clean})
	}
	return p
}

// promotional scores whether the reply promotes something.
func promotional(text []string, lx foldedLexicon) PScore {
	p := PScore{P: Promotional}
	if f := find(text, lx.promotional); len(f) > 0 {
		p.Score = 1
		p.add(Finding{Code: Promotes, Phrase: f[0]})
	} else {
		p.add(Finding{Code: NoPromotion})
	}
	return p
}

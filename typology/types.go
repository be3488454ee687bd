package typology

import "github.com/servuction/servuction/internal/enum"

// Behaviour is how a customer voices (or does not voice) dissatisfaction, the
// seeds' singularización de los clientes. The zero value is
// [BehaviourUnclassified].
type Behaviour uint8

// The behaviours of the course notes (sumiso, agresivo, abusivo, quejumbroso
// crónico) plus the customer who complains reasonably and the unclassified
// one. See [Classify] for the rules.
const (
	BehaviourUnclassified Behaviour = iota // sin clasificar: not enough evidence
	Submissive                             // sumiso: annoyed but does not complain (Singh's passive)
	Aggressive                             // agresivo: complains loudly, just wants a solution (Singh's irate)
	Abusive                                // abusivo: invents mistreatment or faults to gain something
	ChronicComplainer                      // quejumbroso crónico: never satisfied
	ReasonableVoicer                       // reclamante razonable: complains when there is cause (Singh's voicer)
)

var behaviourNames = enum.New("typology: behaviour", ErrInvalidValue,
	[]string{"unclassified", "submissive", "aggressive", "abusive", "chronic-complainer", "reasonable-voicer"},
	map[string]Behaviour{
		"sin clasificar": BehaviourUnclassified, "unknown": BehaviourUnclassified, "desconocido": BehaviourUnclassified,
		"sumiso": Submissive, "passive": Submissive, "pasivo": Submissive,
		"agresivo": Aggressive, "irate": Aggressive,
		"abusivo": Abusive, "illegitimate complainer": Abusive,
		"quejumbroso crónico": ChronicComplainer, "quejambroso crónico": ChronicComplainer,
		"quejumbroso": ChronicComplainer, "chronic": ChronicComplainer,
		"reclamante razonable": ReasonableVoicer, "razonable": ReasonableVoicer, "voicer": ReasonableVoicer,
	})

// ParseBehaviour returns the behaviour named s, in English ("chronic-complainer")
// or Spanish ("quejumbroso crónico"), any case, accents optional.
func ParseBehaviour(s string) (Behaviour, error) { return behaviourNames.Parse(s) }

// String returns the behaviour's English name.
func (b Behaviour) String() string { return behaviourNames.String(b) }

// IsValid reports whether b is a defined behaviour.
func (b Behaviour) IsValid() bool { return behaviourNames.Valid(b) }

// MarshalText implements encoding.TextMarshaler.
func (b Behaviour) MarshalText() ([]byte, error) { return behaviourNames.MarshalText(b) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseBehaviour].
func (b *Behaviour) UnmarshalText(text []byte) error { return behaviourNames.UnmarshalText(b, text) }

// Personality is a customer's manner as an agent observes it (según sus
// características de personalidad). The zero value is [PersonalityUnknown].
type Personality uint8

// The personalities of the course notes.
const (
	PersonalityUnknown Personality = iota // not observed
	Critic                                // criticón
	Shy                                   // tímido
	Communicative                         // comunicativo
	Meticulous                            // minucioso
	Dominant                              // dominante
	Offensive                             // ofensivo
)

var personalityNames = enum.New("typology: personality", ErrInvalidValue,
	[]string{"unknown", "critic", "shy", "communicative", "meticulous", "dominant", "offensive"},
	map[string]Personality{
		"desconocido": PersonalityUnknown, "criticón": Critic, "critico": Critic, "critical": Critic,
		"tímido": Shy, "comunicativo": Communicative, "talkative": Communicative, "hablador": Communicative,
		"minucioso": Meticulous, "detallista": Meticulous, "dominante": Dominant,
		"ofensivo": Offensive, "insultante": Offensive, "rude": Offensive,
	})

// ParsePersonality returns the personality named s ("meticulous", "minucioso").
func ParsePersonality(s string) (Personality, error) { return personalityNames.Parse(s) }

// String returns the personality's English name.
func (p Personality) String() string { return personalityNames.String(p) }

// IsValid reports whether p is a defined personality.
func (p Personality) IsValid() bool { return personalityNames.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Personality) MarshalText() ([]byte, error) { return personalityNames.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParsePersonality].
func (p *Personality) UnmarshalText(text []byte) error {
	return personalityNames.UnmarshalText(p, text)
}

// Relationship is how a customer relates to the company when buying (según su
// relación con la empresa). The zero value is [RelationshipUnknown].
type Relationship uint8

// The relationships of the course notes.
const (
	RelationshipUnknown Relationship = iota // too few purchases to tell
	DependentPurchase                       // compra supeditada: buys because something else requires it
	Economist                               // economista: chooses the cheapest option
	Loyal                                   // fiel: long tenure, regular, intends to buy, recommends
	PromotionSeeker                         // promociones: buys on promotion
	Erratic                                 // errático: buys irregularly, with no pattern
)

var relationshipNames = enum.New("typology: relationship", ErrInvalidValue,
	[]string{"unknown", "dependent-purchase", "economist", "loyal", "promotion-seeker", "erratic"},
	map[string]Relationship{
		"desconocido": RelationshipUnknown, "compra supeditada": DependentPurchase, "supeditada": DependentPurchase,
		"dependent": DependentPurchase, "economista": Economist, "price sensitive": Economist,
		"fiel": Loyal, "leal": Loyal, "promociones": PromotionSeeker, "de promociones": PromotionSeeker,
		"promotions": PromotionSeeker, "deal seeker": PromotionSeeker, "errático": Erratic,
	})

// ParseRelationship returns the relationship named s ("loyal", "fiel",
// "compra supeditada").
func ParseRelationship(s string) (Relationship, error) { return relationshipNames.Parse(s) }

// String returns the relationship's English name.
func (r Relationship) String() string { return relationshipNames.String(r) }

// IsValid reports whether r is a defined relationship.
func (r Relationship) IsValid() bool { return relationshipNames.Valid(r) }

// MarshalText implements encoding.TextMarshaler.
func (r Relationship) MarshalText() ([]byte, error) { return relationshipNames.MarshalText(r) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseRelationship].
func (r *Relationship) UnmarshalText(text []byte) error {
	return relationshipNames.UnmarshalText(r, text)
}

// Profitability is the seeds' criterio de rentabilidad, an ordered scale: a
// greater value is a more profitable customer. The zero value is
// [ProfitabilityUnknown].
type Profitability uint8

// The profitability classes of the course notes, in increasing order.
const (
	ProfitabilityUnknown Profitability = iota // no bands to compare with
	NotProfitable                             // nada rentables: contribution ≤ 0
	LittleProfitable                          // poco rentables: ABC class C
	Profitable                                // rentables: ABC class B
	VeryProfitable                            // muy rentables: ABC class A
)

var profitabilityNames = enum.New("typology: profitability", ErrInvalidValue,
	[]string{"unknown", "not-profitable", "little-profitable", "profitable", "very-profitable"},
	map[string]Profitability{
		"desconocido": ProfitabilityUnknown, "unprofitable": NotProfitable,
		"nada rentable": NotProfitable, "nada rentables": NotProfitable, "nada rendibles": NotProfitable, "nada rendible": NotProfitable,
		"poco rentable": LittleProfitable, "poco rentables": LittleProfitable, "poco rendibles": LittleProfitable, "poco rendible": LittleProfitable,
		"rentable": Profitable, "rentables": Profitable, "rendibles": Profitable, "rendible": Profitable,
		"muy rentable": VeryProfitable, "muy rentables": VeryProfitable, "muy rendibles": VeryProfitable, "muy rendible": VeryProfitable,
	})

// ParseProfitability returns the class named s ("very-profitable",
// "muy rentables", "poco rendibles").
func ParseProfitability(s string) (Profitability, error) { return profitabilityNames.Parse(s) }

// String returns the class's English name.
func (p Profitability) String() string { return profitabilityNames.String(p) }

// IsValid reports whether p is a defined class.
func (p Profitability) IsValid() bool { return profitabilityNames.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Profitability) MarshalText() ([]byte, error) { return profitabilityNames.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseProfitability].
func (p *Profitability) UnmarshalText(text []byte) error {
	return profitabilityNames.UnmarshalText(p, text)
}

// Motivation is what moves a customer to buy (tipos de motivaciones de los
// clientes). The zero value is [MotivationUnknown].
type Motivation uint8

// The motivations of the course notes.
const (
	MotivationUnknown Motivation = iota // not observed and not inferable
	Rational                            // racional: price, function, value for money
	Affective                           // afectiva: image, brand, feelings, status
)

var motivationNames = enum.New("typology: motivation", ErrInvalidValue,
	[]string{"unknown", "rational", "affective"},
	map[string]Motivation{
		"desconocido": MotivationUnknown, "racional": Rational, "racionales": Rational,
		"motivación racional": Rational, "afectiva": Affective, "afectivas": Affective,
		"motivación afectiva": Affective, "motivaciones racionales": Rational, "motivaciones afectivas": Affective, "emotional": Affective, "emocional": Affective,
	})

// ParseMotivation returns the motivation named s ("rational", "afectiva").
func ParseMotivation(s string) (Motivation, error) { return motivationNames.Parse(s) }

// String returns the motivation's English name.
func (m Motivation) String() string { return motivationNames.String(m) }

// IsValid reports whether m is a defined motivation.
func (m Motivation) IsValid() bool { return motivationNames.Valid(m) }

// MarshalText implements encoding.TextMarshaler.
func (m Motivation) MarshalText() ([]byte, error) { return motivationNames.MarshalText(m) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseMotivation].
func (m *Motivation) UnmarshalText(text []byte) error { return motivationNames.UnmarshalText(m, text) }

// PriceTier is the price level of the option a customer chose in a purchase.
// The zero value is [TierUnknown].
type PriceTier uint8

// The price tiers.
const (
	TierUnknown  PriceTier = iota // not recorded
	TierBudget                    // económico: the cheapest option offered
	TierStandard                  // estándar
	TierPremium                   // premium, de gama alta
)

var tierNames = enum.New("typology: price tier", ErrInvalidValue,
	[]string{"unknown", "budget", "standard", "premium"},
	map[string]PriceTier{
		"desconocido": TierUnknown, "económico": TierBudget, "economy": TierBudget, "low": TierBudget,
		"estándar": TierStandard, "medio": TierStandard, "gama alta": TierPremium, "high": TierPremium,
	})

// ParsePriceTier returns the tier named s ("budget", "económico").
func ParsePriceTier(s string) (PriceTier, error) { return tierNames.Parse(s) }

// String returns the tier's English name.
func (t PriceTier) String() string { return tierNames.String(t) }

// IsValid reports whether t is a defined tier.
func (t PriceTier) IsValid() bool { return tierNames.Valid(t) }

// MarshalText implements encoding.TextMarshaler.
func (t PriceTier) MarshalText() ([]byte, error) { return tierNames.MarshalText(t) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParsePriceTier].
func (t *PriceTier) UnmarshalText(text []byte) error { return tierNames.UnmarshalText(t, text) }

// Finding is the outcome of checking a complaint's facts. The zero value is
// [Unverified].
type Finding uint8

// The findings of a complaint.
const (
	Unverified Finding = iota // sin verificar: facts not (yet) checked
	Founded                   // fundada: the facts support the complaint
	Unfounded                 // infundada: the facts contradict it
)

var findingNames = enum.New("typology: finding", ErrInvalidValue,
	[]string{"unverified", "founded", "unfounded"},
	map[string]Finding{
		"sin verificar": Unverified, "pendiente": Unverified, "fundada": Founded, "fundado": Founded,
		"justified": Founded, "infundada": Unfounded, "infundado": Unfounded, "unjustified": Unfounded,
	})

// ParseFinding returns the finding named s ("founded", "infundada").
func ParseFinding(s string) (Finding, error) { return findingNames.Parse(s) }

// String returns the finding's English name.
func (f Finding) String() string { return findingNames.String(f) }

// IsValid reports whether f is a defined finding.
func (f Finding) IsValid() bool { return findingNames.Valid(f) }

// MarshalText implements encoding.TextMarshaler.
func (f Finding) MarshalText() ([]byte, error) { return findingNames.MarshalText(f) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseFinding].
func (f *Finding) UnmarshalText(text []byte) error { return findingNames.UnmarshalText(f, text) }

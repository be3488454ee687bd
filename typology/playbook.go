package typology

import (
	"strconv"
	"strings"

	"github.com/servuction/servuction/internal/enum"
)

// Language selects the language of a playbook's text. The zero value is
// [English].
type Language uint8

// The languages of the playbooks.
const (
	English Language = iota // inglés
	Spanish                 // español
)

var languageNames = enum.New("typology: language", ErrInvalidValue,
	[]string{"english", "spanish"},
	map[string]Language{"en": English, "inglés": English, "es": Spanish, "español": Spanish, "castellano": Spanish})

// ParseLanguage returns the language named s ("en", "español", "Spanish").
func ParseLanguage(s string) (Language, error) { return languageNames.Parse(s) }

// String returns the language's English name.
func (l Language) String() string { return languageNames.String(l) }

// IsValid reports whether l is a defined language.
func (l Language) IsValid() bool { return languageNames.Valid(l) }

// MarshalText implements encoding.TextMarshaler.
func (l Language) MarshalText() ([]byte, error) { return languageNames.MarshalText(l) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseLanguage].
func (l *Language) UnmarshalText(text []byte) error { return languageNames.UnmarshalText(l, text) }

// Text is one piece of guidance in English and Spanish.
type Text struct {
	EN, ES string
}

// In returns the text in l (English for an undefined language).
func (t Text) In(l Language) string {
	if l == Spanish {
		return t.ES
	}
	return t.EN
}

// Protocol is one of the seeds' protocols of relationship with customers
// (protocolos de relación con los clientes). The zero value is
// [ProtocolUnknown].
type Protocol uint8

// The protocols of the course notes.
const (
	ProtocolUnknown       Protocol = iota // none
	CriticismForError                     // crítica por algún error
	DenyingRequest                        // denegar la petición
	ComprehensionProblems                 // problemas de comprensión
	InPersonAttention                     // atención presencial
)

var protocolNames = enum.New("typology: protocol", ErrInvalidValue,
	[]string{"unknown", "criticism-for-error", "denying-request", "comprehension-problems", "in-person-attention"},
	map[string]Protocol{
		"desconocido": ProtocolUnknown, "crítica por algún error": CriticismForError, "crítica por un error": CriticismForError,
		"crítica": CriticismForError, "criticism": CriticismForError,
		"denegar la petición": DenyingRequest, "denegar": DenyingRequest, "denying a request": DenyingRequest, "deny": DenyingRequest,
		"problemas de comprensión": ComprehensionProblems, "problemas de compresión": ComprehensionProblems, "comprehension": ComprehensionProblems,
		"atención presencial": InPersonAttention, "in person": InPersonAttention, "face to face": InPersonAttention,
	})

// ParseProtocol returns the protocol named s ("denying-request",
// "denegar la petición").
func ParseProtocol(s string) (Protocol, error) { return protocolNames.Parse(s) }

// String returns the protocol's English name.
func (p Protocol) String() string { return protocolNames.String(p) }

// IsValid reports whether p is a defined protocol.
func (p Protocol) IsValid() bool { return protocolNames.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Protocol) MarshalText() ([]byte, error) { return protocolNames.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseProtocol].
func (p *Protocol) UnmarshalText(text []byte) error { return protocolNames.UnmarshalText(p, text) }

// Guide is a titled list of steps for the agent.
type Guide struct {
	Title Text
	Steps []Text
}

func (g Guide) clone() Guide { return Guide{Title: g.Title, Steps: append([]Text(nil), g.Steps...)} }

// Guidance is the guides for serving one customer, in the order to read them.
type Guidance struct {
	Customer string
	Guides   []Guide
}

// Format returns the guidance as plain text in l: each guide's title, then
// its steps as a numbered list.
func (g Guidance) Format(l Language) string {
	var b strings.Builder
	for i, gd := range g.Guides {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(gd.Title.In(l))
		b.WriteByte('\n')
		for j, s := range gd.Steps {
			b.WriteString("  ")
			b.WriteString(strconv.Itoa(j + 1))
			b.WriteString(". ")
			b.WriteString(s.In(l))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// ProtocolGuide returns the seeds' protocol p (false for an unknown one).
func ProtocolGuide(p Protocol) (Guide, bool) {
	g, ok := protocolGuides[p]
	return g.clone(), ok
}

// BehaviourGuide returns the handling guidance for behaviour b (false for
// unclassified).
func BehaviourGuide(b Behaviour) (Guide, bool) {
	g, ok := behaviourGuides[b]
	return g.clone(), ok
}

// PersonalityGuide returns the handling guidance for personality p (false for
// an unknown one).
func PersonalityGuide(p Personality) (Guide, bool) {
	g, ok := personalityGuides[p]
	return g.clone(), ok
}

// RelationshipGuide returns the guidance for relationship r (false for an
// unknown one).
func RelationshipGuide(r Relationship) (Guide, bool) {
	g, ok := relationshipGuides[r]
	return g.clone(), ok
}

// MotivationGuide returns how to argue with a customer of motivation m (false
// for an unknown one).
func MotivationGuide(m Motivation) (Guide, bool) {
	g, ok := motivationGuides[m]
	return g.clone(), ok
}

// protocolsFor lists the protocols a behaviour or personality calls for.
var (
	behaviourProtocols = map[Behaviour][]Protocol{
		Aggressive:        {CriticismForError},
		Abusive:           {DenyingRequest},
		ChronicComplainer: {CriticismForError, DenyingRequest},
		ReasonableVoicer:  {CriticismForError},
	}
	personalityProtocols = map[Personality][]Protocol{
		Critic:     {CriticismForError},
		Shy:        {ComprehensionProblems},
		Meticulous: {ComprehensionProblems},
		Dominant:   {DenyingRequest},
		Offensive:  {DenyingRequest},
	}
)

// Playbook combines the guidance for a customer's types: the behaviour's
// guide, the personality's, the relationship's and the motivation's, then the
// seeds' protocols they call for (an aggressive or critic customer gets the
// criticism protocol, an abusive or dominant one the protocol for denying a
// request, a shy or meticulous one the comprehension protocol) and the
// protocols of the situation passed in extra (e.g. [InPersonAttention] at the
// counter), each once, in the order of the [Protocol] values.
func Playbook(p Profile, extra ...Protocol) Guidance {
	g := Guidance{Customer: p.Customer}
	if gd, ok := BehaviourGuide(p.Behaviour.Type); ok {
		g.Guides = append(g.Guides, gd)
	}
	if gd, ok := PersonalityGuide(p.Personality.Type); ok {
		g.Guides = append(g.Guides, gd)
	}
	if gd, ok := RelationshipGuide(p.Relationship.Type); ok {
		g.Guides = append(g.Guides, gd)
	}
	if gd, ok := MotivationGuide(p.Motivation.Type); ok {
		g.Guides = append(g.Guides, gd)
	}
	var want [256]bool
	for _, pr := range behaviourProtocols[p.Behaviour.Type] {
		want[pr] = true
	}
	for _, pr := range personalityProtocols[p.Personality.Type] {
		want[pr] = true
	}
	for _, pr := range extra {
		want[pr] = true
	}
	for pr := range want {
		if !want[pr] {
			continue
		}
		if gd, ok := ProtocolGuide(Protocol(pr)); ok {
			g.Guides = append(g.Guides, gd)
		}
	}
	return g
}

func txt(en, es string) Text { return Text{EN: en, ES: es} }

var protocolGuides = map[Protocol]Guide{
	CriticismForError: {
		Title: txt("Protocol: criticism for an error", "Protocolo: crítica por algún error"),
		Steps: []Text{
			txt("If the customer is right, own the error and apologise.", "Asumir el error y disculparse si el cliente tiene razón."),
			txt("Do not justify the error or explain its causes.", "No justificar ni explicar los motivos del error."),
			txt("Say that you want to improve.", "Manifestar la voluntad de mejorar."),
			txt("Do not blame colleagues.", "No atribuirlo a compañeros."),
			txt("Let the customer say everything they need to say.", "Procurar que el cliente pueda expresar todo lo que piensa."),
			txt("If the customer is not right, do not argue: listen, then give the company's point of view.", "Si el cliente no tiene la razón, no discutir sus argumentos: escucharlos y aportar el punto de vista de la empresa."),
			txt("Listen actively and sum up what you heard.", "Escuchar activamente y resumir su contenido."),
			txt("Always close by thanking the customer for their help.", "Despedirse siempre agradeciendo la colaboración."),
		},
	},
	DenyingRequest: {
		Title: txt("Protocol: denying a request", "Protocolo: denegar la petición"),
		Steps: []Text{
			txt("Expect a negative reaction and stay calm.", "Estar preparados para una reacción negativa y mantener la calma."),
			txt("Offer alternatives.", "Ofrecer alternativas."),
			txt("Listen to the customer's objections.", "Escuchar las réplicas."),
			txt("If the customer does not accept the refusal, use the broken-record technique.", "Si el cliente no acepta la denegación, utilizar la técnica del disco rayado."),
			txt("Give the reasons for the decision.", "Argumentar las decisiones."),
			txt("Give information about the product or service.", "Transmitir información sobre el producto o servicio."),
		},
	},
	ComprehensionProblems: {
		Title: txt("Protocol: comprehension problems", "Protocolo: problemas de comprensión"),
		Steps: []Text{
			txt("If the customer does not understand us: simplify the message, avoid jargon, give examples.", "Si el cliente no nos entiende: simplificar el mensaje, evitar tecnicismos y poner ejemplos."),
			txt("If we do not understand the customer: sum up what we understood and ask questions to clear up the rest.", "Si somos nosotros quienes no entendemos al cliente: resumir lo que hayamos entendido y hacer preguntas para aclarar el resto."),
			txt("Do not blame the customer or ourselves, nor poor listening or our explanation.", "Evitar responsabilizar al cliente o a nosotros mismos, o atribuirlo a deficiencias de escucha o de nuestra explicación."),
		},
	},
	InPersonAttention: {
		Title: txt("Protocol: in-person attention", "Protocolo: atención presencial"),
		Steps: []Text{
			txt("Clear up any idea in advance.", "Aclarar anticipadamente cualquier idea."),
			txt("Confirm that you understood the customer and the customer understood you.", "Confirmar que se ha entendido el mensaje del cliente y el cliente el nuestro."),
			txt("Do not generalise or prejudge.", "No hacer generalizaciones ni prejuzgar."),
			txt("Use simple, direct language.", "Utilizar un lenguaje sencillo y directo."),
			txt("Do not dismiss what the customer says.", "No descalificar lo que nos dicen."),
			txt("Keep a good personal image.", "Mantener una buena imagen personal."),
			txt("Do not use flat negatives.", "No utilizar negaciones rotundas."),
			txt("Keep a relaxed expression and look the customer in the eye.", "Mantener una expresión facial relajada y mirar a los ojos del interlocutor."),
			txt("Do not use irony or sarcasm.", "No utilizar la ironía ni el sarcasmo."),
			txt("Be polite and respectful; show empathy and warmth.", "Ser educado y respetuoso, transmitir empatía y cordialidad."),
			txt("Do not waste time on anecdotes.", "No perder el tiempo con anécdotas o similares."),
		},
	},
}

var behaviourGuides = map[Behaviour]Guide{
	Submissive: {
		Title: txt("Submissive customer: ask, since they will not say", "Cliente sumiso: preguntar, porque no lo dirá"),
		Steps: []Text{
			txt("Ask openly whether everything met their expectations.", "Preguntar abiertamente si todo ha respondido a sus expectativas."),
			txt("Offer an easy way to tell you about a problem (a short survey, a follow-up call).", "Ofrecer una vía fácil para contar un problema (una encuesta breve, una llamada de seguimiento)."),
			txt("Follow up after solving: silence is not satisfaction.", "Hacer seguimiento tras resolver: el silencio no es satisfacción."),
		},
	},
	Aggressive: {
		Title: txt("Aggressive customer: let them speak, then solve", "Cliente agresivo: dejarle hablar y solucionar"),
		Steps: []Text{
			txt("Let the customer speak without interrupting; listen actively.", "Dejar hablar al cliente sin interrumpir; escuchar activamente."),
			txt("Stay calm and do not take it personally.", "Mantener la calma y no tomarlo como algo personal."),
			txt("Do not look for someone to blame: focus on solving the problem quickly.", "No buscar culpables: centrarse en solucionar el problema cuanto antes."),
		},
	},
	Abusive: {
		Title: txt("Abusive customer: verify the facts, record everything", "Cliente abusivo: verificar los hechos, registrarlo todo"),
		Steps: []Text{
			txt("Verify the facts before granting anything.", "Verificar los hechos antes de conceder nada."),
			txt("Record every contact, claim and promise (traceability).", "Registrar cada contacto, reclamación y compromiso (trazabilidad)."),
			txt("Apply the policy consistently; if the request must be denied, follow the protocol.", "Aplicar la política de forma coherente; si hay que denegar la petición, seguir el protocolo."),
		},
	},
	ChronicComplainer: {
		Title: txt("Chronic complainer: set expectations, document", "Cliente quejumbroso crónico: fijar expectativas, documentar"),
		Steps: []Text{
			txt("Set clear, realistic expectations from the start.", "Fijar expectativas claras y realistas desde el principio."),
			txt("Document each complaint and the answer given.", "Documentar cada queja y la respuesta dada."),
			txt("Acknowledge what does work, and close each case with an explicit agreement.", "Reconocer lo que sí funciona y cerrar cada caso con un acuerdo explícito."),
		},
	},
	ReasonableVoicer: {
		Title: txt("Customer who complains with cause: thank, solve, improve", "Cliente que reclama con razón: agradecer, solucionar, mejorar"),
		Steps: []Text{
			txt("Thank the customer: the complaint shows a real failure.", "Agradecer la queja: señala un fallo real."),
			txt("Solve it and tell the customer what will change.", "Solucionarla y comunicar qué se va a mejorar."),
		},
	},
}

var personalityGuides = map[Personality]Guide{
	Critic: {
		Title: txt("Critic: listen without arguing", "Criticón: escuchar sin discutir"),
		Steps: []Text{
			txt("Let the criticism out and do not argue; follow the criticism protocol.", "Dejar que exprese la crítica y no discutir; seguir el protocolo de crítica."),
			txt("Answer with facts, not opinions.", "Responder con hechos, no con opiniones."),
		},
	},
	Shy: {
		Title: txt("Shy: build trust and ask", "Tímido: dar confianza y preguntar"),
		Steps: []Text{
			txt("Create a calm, friendly climate and give them time.", "Crear un clima tranquilo y cordial y darle tiempo."),
			txt("Ask open questions; confirm what they need.", "Hacer preguntas abiertas; confirmar lo que necesita."),
		},
	},
	Communicative: {
		Title: txt("Communicative: be warm, keep to the point", "Comunicativo: ser cordial sin perder el objetivo"),
		Steps: []Text{
			txt("Be friendly, but steer the talk back to the matter; avoid anecdotes.", "Ser cordial, pero reconducir la conversación al asunto; evitar anécdotas."),
		},
	},
	Meticulous: {
		Title: txt("Meticulous: be precise and complete", "Minucioso: ser preciso y completo"),
		Steps: []Text{
			txt("Give exact, complete information, in writing if asked; do not improvise.", "Dar información exacta y completa, por escrito si la pide; no improvisar."),
			txt("Check that every question has been answered.", "Comprobar que se han respondido todas sus preguntas."),
		},
	},
	Dominant: {
		Title: txt("Dominant: offer options, hold firm", "Dominante: ofrecer opciones, mantenerse firme"),
		Steps: []Text{
			txt("Let them choose between alternatives you can offer.", "Dejarle elegir entre alternativas que podamos ofrecer."),
			txt("Stay confident and polite; do not give in to pressure.", "Mostrar seguridad y cortesía; no ceder ante la presión."),
		},
	},
	Offensive: {
		Title: txt("Offensive: stay calm, set limits", "Ofensivo: mantener la calma, marcar límites"),
		Steps: []Text{
			txt("Do not answer provocation; keep a respectful tone.", "No responder a las provocaciones; mantener un tono respetuoso."),
			txt("Set limits politely; if insults go on, hand over to a supervisor and record it.", "Marcar límites con educación; si persisten los insultos, pasar a un responsable y registrarlo."),
		},
	},
}

var relationshipGuides = map[Relationship]Guide{
	DependentPurchase: {
		Title: txt("Dependent purchase: make the required purchase easy", "Compra supeditada: facilitar la compra obligada"),
		Steps: []Text{
			txt("Make sure what they need is available and delivered on time.", "Asegurar que lo que necesita esté disponible y se entregue a tiempo."),
			txt("Use the contact to show the rest of the offer.", "Aprovechar el contacto para dar a conocer el resto de la oferta."),
		},
	},
	Economist: {
		Title: txt("Economist: show value for money", "Economista: mostrar la relación calidad-precio"),
		Steps: []Text{
			txt("Explain the price and what it includes; point out the economical options.", "Explicar el precio y lo que incluye; señalar las opciones económicas."),
		},
	},
	Loyal: {
		Title: txt("Loyal: recognise and personalise", "Fiel: reconocer y personalizar"),
		Steps: []Text{
			txt("Thank them for their loyalty and personalise the service.", "Agradecer su fidelidad y personalizar la atención."),
			txt("Ask for their opinion: they recommend us.", "Pedir su opinión: nos recomienda."),
		},
	},
	PromotionSeeker: {
		Title: txt("Promotion seeker: inform about promotions", "Cliente de promociones: informar de las promociones"),
		Steps: []Text{
			txt("Tell them about current and coming promotions.", "Informar de las promociones vigentes y próximas."),
		},
	},
	Erratic: {
		Title: txt("Erratic: learn their needs", "Errático: conocer sus necesidades"),
		Steps: []Text{
			txt("Use each contact to learn what they need and remind them of the offer.", "Aprovechar cada contacto para conocer sus necesidades y recordar la oferta."),
		},
	},
}

var motivationGuides = map[Motivation]Guide{
	Rational: {
		Title: txt("Rational motivation: argue with facts", "Motivación racional: argumentar con datos"),
		Steps: []Text{txt("Argue with price, features, warranty and savings.", "Argumentar con precio, prestaciones, garantía y ahorro.")},
	},
	Affective: {
		Title: txt("Affective motivation: appeal to experience and trust", "Motivación afectiva: apelar a la experiencia y la confianza"),
		Steps: []Text{txt("Stress the experience, the brand's image and the trust built.", "Destacar la experiencia, la imagen de marca y la confianza.")},
	},
}

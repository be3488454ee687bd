package servuction_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/pdca"
	"github.com/servuction/servuction/scorecard"
	"github.com/servuction/servuction/servicecycle"
	"github.com/servuction/servuction/sla"
	"github.com/servuction/servuction/typology"
)

// glossaryTerm is one Spanish term of GLOSSARY.md (the course notes'
// vocabulary) and the Go value its package's ParseXxx must return for it.
type glossaryTerm struct {
	term  string
	parse func(string) (fmt.Stringer, error)
	want  fmt.Stringer
}

func parser[T fmt.Stringer](f func(string) (T, error)) func(string) (fmt.Stringer, error) {
	return func(s string) (fmt.Stringer, error) { return f(s) }
}

// glossary lists every Spanish term of the glossary whose concept is an
// enum, exactly as the course notes spell it (accents included). The list is
// kept here, not read from ../shared at test time, so the test runs in any
// checkout.
func glossary() []glossaryTerm {
	channel := parser(servuction.ParseChannel)
	mode := parser(servuction.ParseServiceMode)
	stance := parser(servuction.ParseStance)
	kind, level, metric, clause := parser(sla.ParseKind), parser(sla.ParseLevel), parser(sla.ParseMetric), parser(sla.ParseClauseKind)
	det, phase, source := parser(scorecard.ParseDeterminant), parser(scorecard.ParsePhase), parser(scorecard.ParseSource)
	beh, pers, rel := parser(typology.ParseBehaviour), parser(typology.ParsePersonality), parser(typology.ParseRelationship)
	prof, mot := parser(typology.ParseProfitability), parser(typology.ParseMotivation)
	ckind, tier, cause := parser(complaint.ParseKind), parser(complaint.ParseTier), parser(complaint.ParseCause)
	proto, fivep, dept := parser(complaint.ParseProtocol), parser(complaint.ParseFiveP), parser(complaint.ParseDepartment)
	side, sys, stage := parser(servicecycle.ParseSide), parser(servicecycle.ParseSystemKind), parser(servicecycle.ParseStage)
	step, sproto := parser(servicecycle.ParseAttentionStep), parser(servicecycle.ParseProtocol)
	pphase, unit, cat := parser(pdca.ParsePhase), parser(pdca.ParseUnit), parser(pdca.ParseCategory)
	return []glossaryTerm{
		// root: canal; servicio presencial / virtual; proactivo / reactivo
		{"presencial", channel, servuction.InPerson},
		{"teléfono", channel, servuction.Phone},
		{"correo electrónico", channel, servuction.Email},
		{"chat de plataforma", channel, servuction.WebChat},
		{"redes sociales", channel, servuction.SocialMedia},
		{"mensajería instantánea", channel, servuction.InstantMessaging},
		{"presencial", mode, servuction.ModeInPerson},
		{"virtual", mode, servuction.ModeVirtual},
		{"proactivo", stance, servuction.Proactive},
		{"reactivo", stance, servuction.Reactive},

		// servicecycle: triángulo del servicio; momentos del consumidor; proceso de atención; protocolos
		{"estrategia", side, servicecycle.Strategy},
		{"gente", side, servicecycle.People},
		{"colaboradores", side, servicecycle.People},
		{"sistemas", side, servicecycle.Systems},
		{"sistema gerencial", sys, servicecycle.Managerial},
		{"sistema de normas y procedimientos", sys, servicecycle.NormsAndProcedures},
		{"sistema técnico", sys, servicecycle.Technical},
		{"sistema humano", sys, servicecycle.Human},
		{"momento de necesidad", stage, servicecycle.Need},
		{"necesidad", stage, servicecycle.Need},
		{"investigación", stage, servicecycle.Research},
		{"elección", stage, servicecycle.Choice},
		{"compra", stage, servicecycle.Purchase},
		{"después de la compra", stage, servicecycle.AfterPurchase},
		{"reacción", stage, servicecycle.Reaction},
		{"acogida", step, servicecycle.Welcome},
		{"espera", step, servicecycle.Wait},
		{"gestión", step, servicecycle.Handling},
		{"seguimiento", step, servicecycle.FollowUp},
		{"despedida", step, servicecycle.Farewell},
		{"protocolo estructural", sproto, servicecycle.Structural},
		{"protocolo de gestión", sproto, servicecycle.Management},
		{"protocolo de atención o asesoramiento personal", sproto, servicecycle.PersonalAttention},

		// sla: ANS basado en el cliente / de servicio / multinivel; niveles
		{"ANS basado en el cliente", kind, sla.CustomerBased},
		{"basado en el cliente", kind, sla.CustomerBased},
		{"ANS de servicio", kind, sla.ServiceBased},
		{"ANS multinivel", kind, sla.MultiLevel},
		{"corporativo", level, sla.Corporate},
		{"departamental", level, sla.Department},
		{"cliente", level, sla.Customer},
		{"tiempo de respuesta", metric, sla.FirstResponse},
		{"disponibilidad horaria", metric, sla.Availability},
		{"garantía", clause, sla.Warranty},
		{"servicio postventa", clause, sla.AfterSales},
		{"documentación disponible", clause, sla.Documentation},
		{"personal asignado al servicio", clause, sla.Staffing},

		// scorecard: factores de la atención de calidad; fases; sistemas de medición
		{"empatía y cortesía", det, scorecard.EmpathyCourtesy},
		{"comunicación eficaz", det, scorecard.EffectiveCommunication},
		{"accesibilidad", det, scorecard.Accessibility},
		{"credibilidad", det, scorecard.Credibility},
		{"capacidad de respuesta", det, scorecard.ResponsivenessFactor},
		{"seguridad", det, scorecard.Security},
		{"competencia", det, scorecard.Competence},
		{"comprensión del cliente", det, scorecard.UnderstandingCustomer},
		{"fiabilidad", det, scorecard.ReliabilityFactor},
		{"evidencia del servicio", det, scorecard.EvidenceOfService},
		{"antes de la transacción", phase, scorecard.Before},
		{"durante la transacción", phase, scorecard.During},
		{"después de la transacción", phase, scorecard.After},
		{"quejas y reclamos", source, scorecard.Complaints},
		{"buzón de sugerencias", source, scorecard.SuggestionBox},
		{"focus group", source, scorecard.FocusGroup},
		{"libreta de calificaciones", source, scorecard.ReportCardForm},
		{"comprador misterioso", source, scorecard.MysteryShopper},

		// complaint: tipos de caso, niveles, causas, protocolos, las 5 P del e-mail
		{"queja", ckind, complaint.Complaint},
		{"reclamo", ckind, complaint.Claim},
		{"sugerencia", ckind, complaint.Suggestion},
		{"felicitación", ckind, complaint.Compliment},
		{"consulta", ckind, complaint.Inquiry},
		{"incidencia", ckind, complaint.Incident},
		{"devolución", ckind, complaint.Return},
		{"reparación", ckind, complaint.Repair},
		{"sustitución", ckind, complaint.Repair},
		{"garantía", ckind, complaint.Warranty},
		{"asesora de servicio", tier, complaint.Advisor},
		{"miembro de la red de servicio", tier, complaint.NetworkMember},
		{"indiferencia", cause, complaint.Indifference},
		{"negligencia", cause, complaint.Negligence},
		{"abuso", cause, complaint.Abuse},
		{"olvidos", cause, complaint.Forgetfulness},
		{"falta de preparación técnica", cause, complaint.LackOfTechnicalSkill},
		{"crítica por un error", proto, complaint.CriticismForError},
		{"denegar la petición", proto, complaint.DenyingRequest},
		{"problemas de comprensión", proto, complaint.ComprehensionProblems},
		{"rapidez de respuesta", fivep, complaint.Prompt},
		{"normas de cortesía", fivep, complaint.Polite},
		{"personalización de la respuesta", fivep, complaint.Personal},
		{"profesional", fivep, complaint.Professional},
		{"promocional", fivep, complaint.Promotional},
		{"departamento de marketing", dept, complaint.Marketing},
		{"servicio técnico", dept, complaint.TechnicalService},
		{"fuerza de ventas", dept, complaint.SalesForce},
		{"dirección de la empresa", dept, complaint.Management},

		// typology: singularización de los clientes
		{"sumiso", beh, typology.Submissive},
		{"agresivo", beh, typology.Aggressive},
		{"abusivo", beh, typology.Abusive},
		{"quejumbroso crónico", beh, typology.ChronicComplainer},
		{"criticón", pers, typology.Critic},
		{"tímido", pers, typology.Shy},
		{"comunicativo", pers, typology.Communicative},
		{"minucioso", pers, typology.Meticulous},
		{"dominante", pers, typology.Dominant},
		{"ofensivo", pers, typology.Offensive},
		{"compra supeditada", rel, typology.DependentPurchase},
		{"economista", rel, typology.Economist},
		{"fiel", rel, typology.Loyal},
		{"promociones", rel, typology.PromotionSeeker},
		{"errático", rel, typology.Erratic},
		{"muy rentables", prof, typology.VeryProfitable},
		{"rentables", prof, typology.Profitable},
		{"poco rentables", prof, typology.LittleProfitable},
		{"nada rentables", prof, typology.NotProfitable},
		{"muy rendibles", prof, typology.VeryProfitable},
		{"motivaciones racionales", mot, typology.Rational},
		{"motivaciones afectivas", mot, typology.Affective},

		// pdca: ciclo de mejora continua; indicadores
		{"planear", pphase, pdca.Plan},
		{"hacer", pphase, pdca.Do},
		{"verificar", pphase, pdca.CheckPhase},
		{"actuar", pphase, pdca.Act},
		{"porcentajes", unit, pdca.Percent},
		{"índices", unit, pdca.Index},
		{"tasas", unit, pdca.Rate},
		{"razones", unit, pdca.Ratio},
		{"calidad de trabajo", cat, pdca.QualityOfWork},
		{"capacidad de respuesta", cat, pdca.Responsiveness},
		{"volumen de trabajo", cat, pdca.Volume},
		{"eficiencia", cat, pdca.Efficiency},
	}
}

// TestGlossaryTermsParse checks that every Spanish term of the glossary
// parses to its Go value, as written, without accents and in upper case.
func TestGlossaryTermsParse(t *testing.T) {
	for _, g := range glossary() {
		for _, spelling := range []string{g.term, stripAccents(g.term), upper(g.term)} {
			got, err := g.parse(spelling)
			if assert.NoError(t, err, spelling) {
				assert.Equal(t, g.want, got, "%q", spelling)
			}
		}
	}
}

func stripAccents(s string) string {
	r := []rune(s)
	for i, c := range r {
		switch c {
		case 'á':
			r[i] = 'a'
		case 'é':
			r[i] = 'e'
		case 'í':
			r[i] = 'i'
		case 'ó':
			r[i] = 'o'
		case 'ú', 'ü':
			r[i] = 'u'
		case 'ñ':
			r[i] = 'n'
		}
	}
	return string(r)
}

func upper(s string) string {
	r := []rune(s)
	for i, c := range r {
		if c >= 'a' && c <= 'z' {
			r[i] = c - 'a' + 'A'
		}
	}
	return string(r)
}

package servicecycle

import (
	"time"

	"github.com/servuction/servuction"
)

// Analysis is what a log of encounters says about a cycle of service. Lists
// are in a deterministic order documented on each field.
type Analysis struct {
	// Cycle is the name of the cycle analysed.
	Cycle string `json:"cycle"`
	// Encounters counts the encounters kept (duplicates counted once);
	// Journeys the distinct cases. Moment ids the cycle does not know beyond
	// the first [MaxUnknownMoments] are counted together under the id "",
	// employees beyond [MaxEmployees] under the name "".
	Encounters int `json:"encounters"`
	Journeys   int `json:"journeys"`
	// Moments holds one entry per moment of the cycle, in cycle order.
	Moments []MomentStats `json:"moments"`
	// Unknown lists the moment ids the cycle does not know, by id.
	Unknown []UnlistedMoment `json:"unknown,omitempty"`
	// DuplicateCount counts encounters dropped as duplicates: same case, same
	// moment, same instant as another. Duplicates lists them, by case, instant
	// and moment, the first MaxReportedDuplicates only.
	DuplicateCount int         `json:"duplicateCount"`
	Duplicates     []Duplicate `json:"duplicates,omitempty"`
	// Completed counts the journeys that reached an end of the cycle: they
	// lived an end moment (or one from which only optional moments lead to
	// an end), whatever they did afterwards.
	Completed  int     `json:"completed"`
	Completion float64 `json:"completion"`
	// DropOff lists where the other journeys ended (their last moment):
	// most journeys first, then cycle order (unknown moments last, by id).
	DropOff []DropOff `json:"dropOff,omitempty"`
	// Throughput is the time from the first step of a completed journey to
	// the end of its last ([JourneySummary.Throughput]).
	Throughput TimeSummary `json:"throughput"`
	// Edges is the directly-follows graph: every observed transition between
	// consecutive encounters of a journey, in cycle order of From then To
	// (unknown moments after the cycle's, by id).
	Edges []Edge `json:"edges"`
	// Bottleneck is the transition with the largest mean time; nil without
	// transitions. Ties go to the larger count, then to edge order.
	Bottleneck *Edge `json:"bottleneck,omitempty"`
	// Conforming counts the journeys whose optimal alignment to the cycle
	// costs nothing (they follow a designed path from the start to an end);
	// Conformance is their share of all journeys. Fitness is the log's
	// fitness as PM4Py computes it: 1 − (sum of the journeys' alignment
	// costs) / (sum of their worst costs); see [Cycle.Align].
	Conforming  int     `json:"conforming"`
	Conformance float64 `json:"conformance"`
	Fitness     float64 `json:"fitness"`
	// Deviations counts each kind of deviation at each moment, ordered by
	// kind, then moment (cycle order, unknown ids after by id); Journeys
	// counts the journeys with at least one.
	Deviations []DeviationCount `json:"deviations,omitempty"`
	// Variants are the distinct paths the journeys took, most frequent
	// first (see [Variants]).
	Variants []Variant `json:"variants,omitempty"`
	// Drivers are the moments where a bad experience lowers the journey's
	// outcome (the rating at the cycle's outcome moment, the last one when
	// the journey rated it several times), largest effect first, then larger
	// Cohen's d, then cycle order.
	Drivers []Driver `json:"drivers,omitempty"`
	// Employees measures the encounters that name an employee, by name:
	// the people side of the service triangle as the customers lived it.
	Employees []EmployeeStats `json:"employees,omitempty"`
	// Attention is the correct-attention result (correcta atención) over the
	// journeys that carry the three ratings.
	Attention CorrectAttention `json:"attention"`
}

// MaxReportedDuplicates is the largest number of duplicates an [Analysis] lists.
const MaxReportedDuplicates = 100

// MomentStats measures one moment of truth.
type MomentStats struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Critical bool   `json:"critical"`
	// Encounters at the moment; Journeys that reached it at least once; Reach
	// is Journeys over all journeys.
	Encounters int     `json:"encounters"`
	Journeys   int     `json:"journeys"`
	Reach      float64 `json:"reach"`
	// Satisfaction of the rated encounters.
	Satisfaction Satisfaction `json:"satisfaction"`
	// Measured counts encounters a standard of the moment applies to (rated
	// when there is a minimum rating, timed when there is a maximum wait);
	// BelowStandard those that miss it; BelowShare = BelowStandard / Measured.
	Measured      int     `json:"measured"`
	BelowStandard int     `json:"belowStandard"`
	BelowShare    float64 `json:"belowShare"`
	// SincePrevious is the time from the start of the journey's previous
	// step to the start of this one.
	SincePrevious TimeSummary `json:"sincePrevious"`
	// Duration summarises the time spent at the moment, the service time
	// ([Step.Duration]: the logged duration, or from a start event to its
	// completion), over the steps that measured it.
	Duration TimeSummary `json:"duration"`
	// Waiting is the time from the end of the previous step (its start plus
	// its duration) to the start of this one, zero when they overlap: the
	// waiting time, told from the service time.
	Waiting TimeSummary `json:"waiting"`
	// Channels counts encounters per channel used, in channel order, nonzero only.
	Channels []ChannelCount `json:"channels,omitempty"`
	// FailPoints counts the fail points observed, most frequent first, then
	// in fail-point order, nonzero only.
	FailPoints []FailPointCount `json:"failPoints,omitempty"`
}

// EmployeeStats measures the encounters one employee served.
type EmployeeStats struct {
	Employee     string       `json:"employee"`
	Encounters   int          `json:"encounters"`
	Satisfaction Satisfaction `json:"satisfaction"`
	// Measured, BelowStandard and BelowShare are as in [MomentStats], over
	// the employee's encounters at the cycle's moments.
	Measured      int     `json:"measured"`
	BelowStandard int     `json:"belowStandard"`
	BelowShare    float64 `json:"belowShare"`
	// FailPoints counts the fail points observed, most frequent first, then
	// in fail-point order, nonzero only.
	FailPoints []FailPointCount `json:"failPoints,omitempty"`
}

// ChannelCount is the number of encounters on one channel.
type ChannelCount struct {
	Channel servuction.Channel `json:"channel"`
	Count   int                `json:"count"`
}

// FailPointCount is the number of encounters that carried one fail point.
type FailPointCount struct {
	FailPoint FailPoint `json:"failPoint"`
	Count     int       `json:"count"`
}

// UnlistedMoment is a moment id found in the log but not in the cycle.
type UnlistedMoment struct {
	ID         string `json:"id"`
	Encounters int    `json:"encounters"`
	Journeys   int    `json:"journeys"`
}

// Duplicate is an encounter logged more than once.
type Duplicate struct {
	Case   string    `json:"case"`
	Moment string    `json:"moment"`
	At     time.Time `json:"at"` // in UTC
	Copies int       `json:"copies"`
}

// DropOff counts the incomplete journeys that ended at a moment.
type DropOff struct {
	Moment   string  `json:"moment"`
	Journeys int     `json:"journeys"`
	Share    float64 `json:"share"` // of all journeys
}

// Edge is a transition of the directly-follows graph.
type Edge struct {
	From  string      `json:"from"`
	To    string      `json:"to"`
	Count int         `json:"count"`
	Time  TimeSummary `json:"time"`
	// Designed reports whether the cycle allows the transition.
	Designed bool `json:"designed"`
}

// DeviationCount counts one kind of deviation at one moment.
type DeviationCount struct {
	Kind   Deviation `json:"kind"`
	Moment string    `json:"moment"`
	// Count is the number of occurrences; Journeys the journeys with at least one.
	Count    int `json:"count"`
	Journeys int `json:"journeys"`
}

// Driver measures how much a bad experience at a moment lowers the journey's
// outcome. An experience is bad when its rating is below the moment's
// minimum-rating standard, or 2 or less when the moment sets none; a journey
// with several ratings at the moment counts its worst.
type Driver struct {
	Moment   string `json:"moment"`
	Name     string `json:"name"`
	Critical bool   `json:"critical"` // as designed
	// Bad and Good count the journeys with an outcome rating, by their
	// experience at the moment; BadOutcome and GoodOutcome are the groups'
	// mean outcome ratings.
	Bad         int     `json:"bad"`
	Good        int     `json:"good"`
	BadOutcome  float64 `json:"badOutcome"`
	GoodOutcome float64 `json:"goodOutcome"`
	// Effect = GoodOutcome − BadOutcome, in rating points; Low and High bound
	// its 95 % interval (Welch, with fractional degrees of freedom). CohensD is the effect over the pooled
	// standard deviation, 0 when both groups have no spread.
	Effect  float64 `json:"effect"`
	Low     float64 `json:"low"`
	High    float64 `json:"high"`
	CohensD float64 `json:"cohensD"`
}

// CorrectAttention is the three-sided result of correct attention (correcta
// atención): a satisfied customer (cliente satisfecho), a gratified employee
// (empleado gratificado) and a valued image (imagen valorizada). A journey's
// customer side is its outcome rating, its employee and image sides the
// means of the employee and image ratings it carries; a journey is correct
// when all three are 4 or more.
type CorrectAttention struct {
	// Journeys counts the journeys carrying all three ratings. Customer is
	// the mean of their outcome ratings, Employee and Image the means of all
	// their employee and image ratings.
	Journeys int     `json:"journeys"`
	Customer float64 `json:"customer"`
	Employee float64 `json:"employee"`
	Image    float64 `json:"image"`
	// Correct counts the correct journeys; Share is Correct over Journeys.
	Correct int     `json:"correct"`
	Share   float64 `json:"share"`
}

// Moment returns the statistics of the moment with the given id.
func (a Analysis) Moment(id string) (MomentStats, bool) {
	for _, m := range a.Moments {
		if m.ID == id {
			return m, true
		}
	}
	return MomentStats{}, false
}

// WeakestCritical returns the critical moment with the lowest mean
// satisfaction among those rated; ties go to the larger share below
// standard, then to cycle order. ok is false when no critical moment was rated.
func (a Analysis) WeakestCritical() (m MomentStats, ok bool) {
	for _, s := range a.Moments {
		if !s.Critical || s.Satisfaction.N == 0 {
			continue
		}
		if !ok || s.Satisfaction.Mean < m.Satisfaction.Mean ||
			(s.Satisfaction.Mean == m.Satisfaction.Mean && s.BelowShare > m.BelowShare) {
			m, ok = s, true
		}
	}
	return m, ok
}

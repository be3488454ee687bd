package servicecycle

import (
	"time"

	"github.com/servuction/servuction"
)

// t0 is the opening of the branch on the test day.
var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func at(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }

// branchCycle is the attention process with standards: wait at most 10
// minutes, handling rated 4 or more.
func branchCycle() *Cycle {
	cfg := AttentionCycle().Config()
	cfg.Name = "Branch"
	cfg.Moments[1].Standards = Standards{MaxWait: 10 * time.Minute, Protocol: Structural}
	cfg.Moments[2].Standards = Standards{MinRating: 4, Protocol: PersonalAttention}
	return MustCycle(cfg)
}

func enc(cs, moment string, min, rating int) Encounter {
	return Encounter{Case: cs, Moment: moment, At: at(min), Rating: rating, Channel: servuction.InPerson}
}

// scenario is the hand-worked log of analysis_test.go (minutes after 09:00).
func scenario() []Encounter {
	wait := func(cs string, min, rating int, d time.Duration) Encounter {
		e := enc(cs, "wait", min, rating)
		e.Duration = d
		return e
	}
	j2h := enc("J2", "handling", 1, 2)
	j2h.FailPoints = []FailPoint{DeniedSolution, Indifference}
	j3w := wait("J3", 1, 1, 15*time.Minute)
	j3w.FailPoints = []FailPoint{WaitNotAcknowledged}
	return []Encounter{
		// J1: complete and conforming.
		enc("J1", "welcome", 0, 5), wait("J1", 2, 4, 5*time.Minute), enc("J1", "handling", 7, 4), enc("J1", "farewell", 20, 5),
		// J2: complete, conforming (the wait is optional).
		enc("J2", "welcome", 0, 4), j2h, enc("J2", "farewell", 11, 2),
		// J3: drops off at the wait.
		enc("J3", "welcome", 0, 3), j3w,
		// J4: logged out of order; skips the handling.
		enc("J4", "farewell", 30, 3), enc("J4", "welcome", 0, 4), wait("J4", 5, 0, 8*time.Minute),
		// J5: a duplicate, a repeated welcome, an unknown moment.
		enc("J5", "welcome", 60, 5), enc("J5", "handling", 65, 5), enc("J5", "handling", 65, 5),
		enc("J5", "welcome", 75, 4), enc("J5", "coffee", 78, 0), enc("J5", "handling", 80, 4), enc("J5", "farewell", 90, 5),
		// J6: starts at the handling, goes back to the welcome, leaves.
		enc("J6", "handling", 120, 3), enc("J6", "welcome", 125, 3),
	}
}

package scorecard_test

import (
	"fmt"

	"github.com/servuction/servuction/scorecard"
)

// psych::omega(x, 3) on these rows gives omega_h 0.7382865, omega.tot
// 0.9870574, alpha 0.9654007, G6 0.9927197 (R 4.2.2, psych 2.2.9).
func ExampleMcDonaldOmega() {
	// Nine items answered by twelve customers: three groups of three items
	// (say tangibles, reliability, empathy) that all reflect overall quality.
	rows := [][]float64{
		{4, 4, 5, 3, 4, 3, 4, 4, 5}, {2, 3, 2, 2, 2, 3, 3, 2, 2}, {5, 5, 4, 4, 5, 5, 4, 5, 4},
		{3, 3, 3, 4, 4, 3, 2, 3, 3}, {1, 2, 2, 2, 1, 2, 2, 1, 2}, {4, 5, 4, 3, 3, 4, 5, 4, 4},
		{3, 2, 3, 3, 3, 2, 3, 3, 2}, {5, 4, 5, 5, 5, 4, 4, 5, 5}, {2, 2, 1, 3, 2, 2, 1, 2, 2},
		{4, 3, 4, 4, 5, 4, 3, 3, 4}, {3, 4, 3, 2, 3, 3, 4, 4, 3}, {2, 1, 2, 1, 2, 2, 2, 2, 1},
	}
	o, err := scorecard.McDonaldOmega(rows, scorecard.CompleteOnly, 3)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("omega_h %.2f, omega_t %.2f, alpha %.2f, lambda6 %.2f\n", o.Hierarchical, o.Total, o.Alpha, o.Lambda6)
	// Output:
	// omega_h 0.74, omega_t 0.99, alpha 0.97, lambda6 0.99
}

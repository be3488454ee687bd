package scorecard_test

import (
	"fmt"

	"github.com/servuction/servuction/scorecard"
)

// The figures agree with R (testdata/keydrivers.R on these rows): lm's
// b = 0.8887, 0.5647, 0.5240 with SE 0.1139, 0.1096, 0.1015; LMG shares
// 0.3805, 0.2930, 0.3264; Johnson's 0.3802, 0.2965, 0.3232.
func ExampleKeyDrivers() {
	kd, err := scorecard.NewKeyDrivers("speed", "courtesy", "resolution")
	if err != nil {
		fmt.Println(err)
		return
	}
	// Overall satisfaction (1–10) and three ratings (1–5) per customer.
	for _, r := range [][4]float64{
		{7, 4, 4, 4}, {9, 5, 4, 5}, {4, 2, 3, 2}, {6, 3, 4, 3}, {8, 4, 5, 4},
		{3, 2, 2, 1}, {5, 3, 2, 3}, {9, 5, 5, 4}, {6, 4, 3, 3}, {7, 3, 4, 5},
	} {
		if err := kd.Add(r[0], r[1:]); err != nil {
			fmt.Println(err)
			return
		}
	}
	a, err := kd.Result()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("R² %.2f, F(%d, %d) = %.1f, p = %.4f\n", a.R2, a.DF1, a.DF2, a.F, a.PValue)
	for _, d := range a.Drivers {
		fmt.Printf("%-10s b %+.2f (SE %.2f, p %.3f) VIF %.1f  LMG %2.0f%%  Johnson %2.0f%%\n",
			d.Name, d.Estimate, d.StdErr, d.PValue, d.VIF, 100*d.LMGShare, 100*d.RelativeWeightShare)
	}
	// Output:
	// R² 0.99, F(3, 6) = 211.9, p = 0.0000
	// speed      b +0.89 (SE 0.11, p 0.000) VIF 2.4  LMG 38%  Johnson 38%
	// courtesy   b +0.56 (SE 0.11, p 0.002) VIF 2.2  LMG 29%  Johnson 30%
	// resolution b +0.52 (SE 0.10, p 0.002) VIF 2.6  LMG 33%  Johnson 32%
}

package scorecard

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// psychOmega is what testdata/omega_ref.R prints for one call of
// psych::omega (psych 2.2.9, GPArotation 2022.10.2, R 4.2.2).
type psychOmega struct {
	cmd                              string
	factors                          int
	tight                            bool
	policy                           MissingPolicy
	omegaH, omegaT, limit, alpha, g6 float64
	g, h2, phi, gload                []float64
	group                            [][]float64 // per factor, per item
	reversed                         []int
}

// The data: testdata/omega_items.R (set.seed(1414)): 500 respondents, 12
// items on a 1–5 scale, a general factor and three group factors of four
// items; omega_items_missing.csv has item 3 reverse-keyed and 4 % of the
// answers blank. psych::omega takes cor(x, use = "pairwise"), so the
// blanks are handled pairwise (and listwise on na.omit(x)).
//
// "tight" runs psych's own code with only the tolerance of its minres
// optimiser tightened (see omega_ref.R): psych::omega's default stops R's
// L-BFGS-B with a stationarity residual |ψ + h² − 1| of 8·10⁻⁶ on
// omega_items.csv (3·10⁻¹⁰ tightened; this package solves it to 10⁻¹⁵).
var psychOmegaCases = []psychOmega{
	{cmd: "Rscript omega_ref.R omega_items.csv 3", factors: 3, tight: false, policy: CompleteOnly,
		omegaH: 0.75344815743078497, omegaT: 0.92707702170282169, limit: 0.81271365786510219, alpha: 0.89749544889488952, g6: 0.91129658819116932,
		g:        []float64{0.60143782177348670, 0.59982094128550889, 0.62224226656672232, 0.60255662009217315, 0.63052875421457066, 0.61113133379797602, 0.58986163990553753, 0.62463387118649771, 0.55969830796732656, 0.55697458580311210, 0.58336406143796027, 0.55889788986461486},
		group:    [][]float64{{0.0149435877224119596, 0.0031354230767568136, 0.0274692667004188991, -0.0200452913236534025, 0.0095271038705229561, -0.0074412416163813161, 0.0071848178864009210, 0.0069941635774512937, 0.5564440657994381700, 0.5745320261221819047, 0.5316659604755555879, 0.5881178768677609581}, {0.5043788410136539335, 0.4356615277024118438, 0.4304147587369695493, 0.4832059015995454065, -0.0148862132833063390, 0.0800882404659443714, -0.0423552566942029390, 0.0462724967409528509, 0.0075588996896520820, 0.0078046413822696181, 0.0175003954497173556, -0.0230888093172663643}, {-0.0354939163766892010, 0.0312141948452444966, 0.0345712790487359978, 0.0075758679563766428, 0.4397538660622015150, 0.3554180345758294335, 0.4372930615092595619, 0.3842479580730395194, -0.0018496503477748870, -0.0162847473935034334, 0.0226860693994914604, 0.0026264523983319720}},
		h2:       []float64{0.61760859852385752, 0.55057028472177627, 0.57439203663575111, 0.59702163079226223, 0.59126233785162086, 0.50627298378079189, 0.54100756587423626, 0.54000402794800850, 0.62295275262306127, 0.64063384393312228, 0.62380324346865201, 0.65878947929941245},
		phi:      []float64{1.00000000000000022, 0.55296918329782319, 0.58085670623029229, 0.55296918329782319, 1.00000000000000000, 0.64661114015583165, 0.58085670623029229, 0.64661114015583165, 1.00000000000000022},
		gload:    []float64{0.70479590630549449, 0.78458057315369267, 0.82414881088448344},
		reversed: nil},
	{cmd: "Rscript omega_ref.R omega_items.csv 3 tight", factors: 3, tight: true, policy: CompleteOnly,
		omegaH: 0.75344841245314131, omegaT: 0.92707701693970712, limit: 0.81271393712281215, alpha: 0.89749544889488952, g6: 0.91129658819116932,
		g:        []float64{0.60143841932414022, 0.59982098941855655, 0.62224254424012804, 0.60255643521860303, 0.63052934207256262, 0.61113326956250580, 0.58986071355486380, 0.62463327487189735, 0.55969818405717631, 0.55697448776482905, 0.58336391190474013, 0.55889773045065161},
		group:    [][]float64{{0.0149431471923569068, 0.0031354454832623353, 0.0274691552539949833, -0.0200449527869609595, 0.0095266786970242424, -0.0074431838504469133, 0.0071859675140374798, 0.0069949508910916091, 0.5564434451603907927, 0.5745314831680629064, 0.5316655068660851580, 0.5881169359794622409}, {0.5043809657023413662, 0.4356609612868009296, 0.4304151174115779521, 0.4832049516248417276, -0.0148878644454008783, 0.0800859185018418657, -0.0423542559710067823, 0.0462724301621930262, 0.0075588638316649859, 0.0078045726761094957, 0.0175003192072473203, -0.0230885365799897747}, {-0.0354946739279110440, 0.0312149317410973376, 0.0345714375684026548, 0.0075766469649583340, 0.4397552270100991700, 0.3554221567046080832, 0.4372899883492429862, 0.3842464356414782567, -0.0018495901997970963, -0.0162846793538303468, 0.0226860115206952706, 0.0026263928530085067}},
		h2:       []float64{0.61761150034167056, 0.55056989551050761, 0.57439269594043385, 0.59702048860316492, 0.59126431701504778, 0.50627793795345366, 0.54100371644462142, 0.54000211850001545, 0.62295192230722995, 0.64063310731242495, 0.62380258119634369, 0.65878818194345434},
		phi:      []float64{1.00000000000000022, 0.55296925076349657, 0.58085727202515525, 0.55296925076349657, 1.00000000000000022, 0.64661131704758557, 0.58085727202515525, 0.64661131704758557, 0.99999999999999978},
		gload:    []float64{0.70479620290572953, 0.78458034874328830, 0.82414926424327661},
		reversed: nil},
	{cmd: "Rscript omega_ref.R omega_items.csv 2 tight", factors: 2, tight: true, policy: CompleteOnly,
		omegaH: 0.69145507139336615, omegaT: 0.91494990848628877, limit: 0.75572997491996374, alpha: 0.89749544889488952, g6: 0.91129658819116932,
		g:        []float64{0.54322703115266102, 0.54315535256220304, 0.56818730271555185, 0.53922693269302602, 0.54384421879113654, 0.53582613375607324, 0.50648736123304183, 0.54682499412437413, 0.62278130612604821, 0.62398404286131637, 0.63882494012532176, 0.62868937127105828},
		group:    [][]float64{{0.4426201583756089741, 0.4503994402500771099, 0.4486209321587670273, 0.4672409512052521641, 0.3594582035188940150, 0.3894437997836784349, 0.3305513158609112434, 0.3780761779761344643, 0.0071085014095311387, -0.0045280990248385434, 0.0387882428491295173, -0.0197816360867098875}, {-0.0166178198557344406, -0.0244533125691422278, -0.0030445786394463141, -0.0443755171477675792, 0.0670281377516147303, 0.0307547045797816818, 0.0666395232219862271, 0.0507477076169883731, 0.4812808415014993568, 0.4938606362772122171, 0.4621826271400851782, 0.5128041239326720513}},
		h2:       []float64{0.49128436391214086, 0.49847535729015824, 0.52410682119726693, 0.51104897794685000, 0.42946950564002162, 0.43972197065972085, 0.37023444556144330, 0.44453450038054287, 0.61953833444874740, 0.63327491749046494, 0.62321461273955503, 0.65860970819782105},
		phi:      []float64{0.99999999999999989, 0.61920259011238832, 0.61920259011238832, 1.00000000000000022},
		gload:    []float64{0.78689426869966994, 0.78689426869966994},
		reversed: nil},
	{cmd: "Rscript omega_ref.R omega_items.csv 1 tight", factors: 1, tight: true, policy: CompleteOnly,
		omegaH: 0.89754419526491425, omegaT: 0.89756180689389131, limit: 0.99998037836632336, alpha: 0.89749544889488952, g6: 0.91129658819116932,
		g:        []float64{0.64839110726917792, 0.64880012227725292, 0.67702833824597974, 0.64489456167385406, 0.64569012813651261, 0.63889798387810059, 0.60121851593075282, 0.65043165992478658, 0.65474324307505727, 0.65214736345370561, 0.68010967686177470, 0.65180651820866486},
		group:    [][]float64{{0.0000000000000000e+00, 0.0000000000000000e+00, 0.0000000000000000e+00, 0.0000000000000000e+00, 0.0000000000000000e+00, 7.4505805969238281e-09, 0.0000000000000000e+00, 7.4505805969238281e-09, 7.4505805969238281e-09, 7.4505805969238281e-09, 0.0000000000000000e+00, 0.0000000000000000e+00}},
		h2:       []float64{0.42041102798575058, 0.42094159866697833, 0.45836737078811274, 0.41588899567651239, 0.41691574157294609, 0.40819063380350168, 0.36146370389797688, 0.42306134423251324, 0.42868871435244355, 0.42529618365961958, 0.46254917256102762, 0.42485173717930258},
		reversed: nil},
	{cmd: "Rscript omega_ref.R omega_items_missing.csv 3 tight", factors: 3, tight: true, policy: Pairwise,
		omegaH: 0.74822895702980741, omegaT: 0.92593015774526966, limit: 0.8080835803553672, alpha: 0.89583548536897639, g6: 0.91022617157400887,
		g:        []float64{0.60415775457378085, 0.61133213832944677, 0.62563154345707939, 0.61980392958011465, 0.62273603194456106, 0.59229910891590354, 0.56996104732726260, 0.61057525150888503, 0.54369801696441655, 0.54100701831785381, 0.58715686795353472, 0.55766993869405201},
		group:    [][]float64{{0.0119009009000835032, 0.0034187758301549172, 0.0236911293864597028, -0.0167542797707984602, 0.0110395311162939744, -0.0011956600898298370, 0.0046764184311364875, 0.0089899071641578853, 0.5530856094058902439, 0.5844292513327351557, 0.5281031863477492205, 0.5853603301445573504}, {0.4980126461877942834, 0.4376718500569818371, 0.4267247974911175246, 0.4653402505092777974, -0.0069087564408334074, 0.0841404849270523947, -0.0444140659846761904, 0.0488550055681420820, -0.0041142290270406957, 0.0072559847256061290, 0.0167826965535687912, -0.0127156382958528609}, {-0.0430624528852539129, 0.0266147358677652247, 0.0331032356126296778, 0.0207336211023898265, 0.4587167949574125214, 0.3571744006723980847, 0.4605337068120977095, 0.3973815816877743767, 0.0061188871436052379, -0.0294845530129568094, 0.0360937428546168199, 0.0014318909774872096}},
		h2:       []float64{0.61501919447179354, 0.56600366387595347, 0.57516597477518405, 0.60140904879973911, 0.59839086562099042, 0.48547283771481936, 0.53894136873377241, 0.53318188921223064, 0.60156559264302223, 0.63516813186596810, 0.62523058018701172, 0.65380621440014475},
		phi:      []float64{1.00000000000000044, 0.55521182356668564, 0.56232499971001904, 0.55521182356668564, 1.00000000000000000, 0.63877572915940284, 0.56232499971001904, 0.63877572915940284, 1.00000000000000000},
		gload:    []float64{0.69911536284309383, 0.79416338577713264, 0.80433792423773964},
		reversed: []int{2}},
	{cmd: "Rscript omega_ref.R omega_items_missing.csv 3 tight listwise", factors: 3, tight: true, policy: Listwise,
		omegaH: 0.73682524650340453, omegaT: 0.92196936369744231, limit: 0.79918625880198391, alpha: 0.89027983996944404, g6: 0.90600517422879745,
		g:        []float64{0.60971867926029488, 0.63687340607298415, 0.60882825314883671, 0.64036387940620576, 0.59812742029196841, 0.58358093461658933, 0.52978726141414623, 0.60986857323844013, 0.53397751456096965, 0.52569639194009232, 0.53465912388980807, 0.52229806284228941},
		group:    [][]float64{{0.0143458142070530224, 0.0101555899020086722, -0.0058285239299963208, -0.0056364724544249950, 0.0224693014396201984, 0.0260147084026670465, -0.0242839233166166728, 0.0178187638255077815, 0.5711415107400693580, 0.5758553425710087881, 0.5891785391275287109, 0.5866080317184547699}, {0.4674422367653199295, 0.4063073118676384099, 0.4557760246843742813, 0.3986702098725871668, 0.0049570348805703258, 0.0651259421380852022, -0.0384549640201103451, 0.0281115420145342798, 0.0119525841707709812, 0.0038565897588279155, -0.0110658975770803331, -0.0055658499609769693}, {-0.0436155714808250800, 0.0481905566824293377, -0.0169567073167928434, 0.0707194522716084739, 0.4508332676147414064, 0.3705142090170834845, 0.4783016799213244963, 0.4379469134962956089, -0.0022027954589017066, -0.0032165371541516123, 0.0107174825004673156, -0.0032560000561631386}},
		h2:       []float64{0.59236723302359007, 0.57311883278922471, 0.57872512812763599, 0.57403684502382180, 0.56153648779298249, 0.48276563971003089, 0.51151553257308435, 0.56484494279597242, 0.61148232792393309, 0.60799129146258546, 0.63322904824636728, 0.61694582954755461},
		phi:      []float64{1.00000000000000000, 0.54715950208346020, 0.52835026306237887, 0.54715950208346020, 1.00000000000000022, 0.63771272411208058, 0.52835026306237887, 0.63771272411208058, 1.00000000000000000},
		gload:    []float64{0.67329500968504519, 0.81265937545841249, 0.78472327209805681},
		reversed: []int{2}},
	{cmd: "Rscript omega_ref.R omega_items_missing.csv 3", factors: 3, tight: false, policy: Pairwise,
		omegaH: 0.74822874067638145, omegaT: 0.92593015529620559, limit: 0.80808334883209698, alpha: 0.89583548536897639, g6: 0.91022617157400887,
		g:        []float64{0.60415725857888147, 0.61133237804962781, 0.62563134424974731, 0.61980409048884744, 0.62273630411937608, 0.59229564741290974, 0.56996121081098183, 0.61057688558787038, 0.54369824010705270, 0.54100704881129602, 0.58715711811667992, 0.55767009675664025},
		group:    [][]float64{{0.0119012194880986251, 0.0034184429164810467, 0.0236911644404838688, -0.0167546031450082795, 0.0110391335970312972, -0.0011922819011922603, 0.0046759405455664470, 0.0089881645364906122, 0.5530864711301073378, 0.5844295017958991423, 0.5281038417222324588, 0.5853611170892705218}, {0.4980105193513510997, 0.4376727832186322331, 0.4267242882978101171, 0.4653406365612495210, -0.0069082678580875438, 0.0841438297111984090, -0.0444136835714847508, 0.0488541283980411731, -0.0041144839036715850, 0.0072561871473109116, 0.0167826610950017260, -0.0127157917315184922}, {-0.0430618306750175789, 0.0266136292843910487, 0.0331029688268241265, 0.0207329156107444457, 0.4587176331656734329, 0.3571666726229632549, 0.4605346831216068360, 0.3973855216807877233, 0.0061189440861586708, -0.0294847040992317726, 0.0360937662333528642, 0.0014318755625447556}},
		h2:       []float64{0.61501642988658634, 0.56600471328648017, 0.57516527604201473, 0.60140958934282018, 0.59839195793884437, 0.48546377311715405, 0.53894241485514649, 0.53318690003997427, 0.60156679122752843, 0.63516846952894201, 0.62523156711066175, 0.65380731557382232},
		phi:      []float64{0.99999999999999989, 0.55521197885341678, 0.56232447092254190, 0.55521197885341678, 1.00000000000000000, 0.63877571712033565, 0.56232447092254190, 0.63877571712033565, 1.00000000000000022},
		gload:    []float64{0.69911513791670710, 0.79416385197193451, 0.80433742524970275},
		reversed: []int{2}},
}

// readItemsCSV reads a CSV of item answers with a header; "NA" is a blank
// (NaN).
func readItemsCSV(t testing.TB, path string) [][]float64 {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	rows := make([][]float64, 0, len(lines)-1)
	for _, line := range lines[1:] {
		var row []float64
		for _, cell := range strings.Split(line, ",") {
			v := math.NaN()
			if cell != "NA" {
				v, err = strconv.ParseFloat(cell, 64)
				require.NoError(t, err)
			}
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	return rows
}

func omegaRows(t *testing.T, cmd string) [][]float64 {
	return readItemsCSV(t, "testdata/"+strings.Fields(cmd)[2])
}

func TestOmegaAgainstPsych(t *testing.T) {
	for _, c := range psychOmegaCases {
		t.Run(c.cmd, func(t *testing.T) {
			o, err := McDonaldOmega(omegaRows(t, c.cmd), c.policy, c.factors)
			require.NoError(t, err)
			// With psych's minres converged, everything agrees to what is
			// left of R's stationarity residual (3e-10): about 1e-9 on the
			// loadings and 1e-10 on omega. psych's default stops earlier:
			// up to 3e-7 on omega_h and 1e-5 on the loadings.
			tolOmega, tolLoad := 2e-10, 5e-9
			if !c.tight {
				tolOmega, tolLoad = 5e-7, 2e-5
			}
			assert.InDelta(t, c.omegaH, o.Hierarchical, tolOmega, "omega_h")
			assert.InDelta(t, c.omegaT, o.Total, tolOmega, "omega_t")
			assert.InDelta(t, c.limit, o.Limit, tolOmega, "omega_lim")
			assert.InDelta(t, c.alpha, o.Alpha, 1e-14, "alpha")
			assert.InDelta(t, c.g6, o.Lambda6, 1e-14, "G6")
			assert.InDeltaSlice(t, c.g, o.General, tolLoad, "g loadings")
			assert.InDeltaSlice(t, c.h2, o.Communality, tolLoad, "h2")
			for j := range c.factors {
				col := make([]float64, len(o.Group))
				for i := range col {
					col[i] = o.Group[i][j]
				}
				// psych's group loadings of one factor are sqrt(rounding).
				assert.InDeltaSlice(t, c.group[j], col, max(tolLoad, 1e-8), "F%d*", j+1)
			}
			if c.factors > 1 {
				var phi []float64
				for _, row := range o.FactorCorrelations {
					phi = append(phi, row...)
				}
				assert.InDeltaSlice(t, c.phi, phi, tolLoad, "phi")
				assert.InDeltaSlice(t, c.gload, o.GeneralLoadings, tolLoad, "g loadings of the factors")
			}
			assert.Equal(t, c.reversed, o.Reversed)
			for i := range o.Uniqueness {
				assert.InDelta(t, 1, o.Communality[i]+o.Uniqueness[i], 1e-15)
				assert.InDelta(t, o.General[i]*o.General[i]/o.Communality[i], o.GeneralShare[i], 1e-15)
			}
			assert.Equal(t, c.factors, o.Factors)
			assert.False(t, math.IsNaN(o.Hierarchical))
		})
	}
}

// Guttman's λ6 against psych::splitHalf(x) and splitHalf(x, covar = TRUE)
// (testdata/lambda6_ref.R, check.keys = FALSE so that splitHalf does not
// reverse item 3 of the missing-data file first):
//
//	omega_items.csv         0.91129658819116932 0.91160833107380945
//	omega_items_missing.csv 0.874046289151581 0.87395024405726507 (pairwise)
//	                        0.87112769186326633 0.87110175436298753 (na.omit)
//
// With pairwise deletion splitHalf standardizes cov(use = "pairwise") by
// cov2cor; the standardized λ6 here is psych::guttman's, on
// cor(use = "pairwise") like psych::omega:
//
//	x <- read.csv("omega_items_missing.csv")
//	guttman(x)$lambda.6  # 0.87438056016040056
func TestLambda6AgainstPsych(t *testing.T) {
	tests := []struct {
		file          string
		policy        MissingPolicy
		standard, raw float64
	}{
		{"testdata/omega_items.csv", CompleteOnly, 0.91129658819116932, 0.91160833107380945},
		{"testdata/omega_items_missing.csv", Pairwise, 0.87438056016040056, 0.87395024405726507},
		{"testdata/omega_items_missing.csv", Listwise, 0.87112769186326633, 0.87110175436298753},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.policy.String(), func(t *testing.T) {
			l, err := Lambda6(readItemsCSV(t, tt.file), tt.policy)
			require.NoError(t, err)
			assert.InDelta(t, tt.standard, l.Standardized, 1e-14)
			assert.InDelta(t, tt.raw, l.Raw, 1e-14)
		})
	}
	// Without reversed items omega's λ6 is the standardized one.
	rows := readItemsCSV(t, "testdata/omega_items.csv")
	o, err := McDonaldOmega(rows, CompleteOnly, 0)
	require.NoError(t, err)
	assert.Equal(t, DefaultOmegaFactors, o.Factors)
	assert.InDelta(t, 0.91129658819116932, o.Lambda6, 1e-14)
	assert.Equal(t, 500, o.N)
}

// Omega from an accumulator fed in shards equals omega of all rows at once.
func TestOmegaFromMergedShards(t *testing.T) {
	rows := readItemsCSV(t, "testdata/omega_items_missing.csv")
	whole, err := McDonaldOmega(rows, Pairwise, 3)
	require.NoError(t, err)
	a, _ := NewAlpha(0, Pairwise)
	b, _ := NewAlpha(0, Pairwise)
	require.NoError(t, a.AddRows(rows[:123]))
	require.NoError(t, b.AddRows(rows[123:]))
	require.NoError(t, b.Merge(a))
	got, err := b.Omega(3)
	require.NoError(t, err)
	assert.Equal(t, whole, got)
}

func TestOmegaErrors(t *testing.T) {
	rows := readItemsCSV(t, "testdata/omega_items.csv")
	constant := make([][]float64, len(rows))
	for i, r := range rows {
		constant[i] = append([]float64{0.1}, r[1:]...)
	}
	collinear := make([][]float64, len(rows))
	for i, r := range rows {
		collinear[i] = append(append([]float64(nil), r[:4]...), r[0]+r[1])
	}
	tests := []struct {
		name    string
		rows    [][]float64
		factors int
		want    error
		msg     string
	}{
		{"negative factors", rows, -1, ErrInvalidValue, "-1 factors"},
		{"as many factors as items", rows[:50], 12, ErrInsufficientData, "12 items for 12 factors"},
		{"two respondents", rows[:2], 3, ErrInsufficientData, "want at least 3"},
		{"constant decimal item", constant, 3, ErrZeroVariance, "item 1 has zero variance (every answer is 0.1)"},
		{"collinear items", collinear, 2, ErrZeroVariance, "not positive definite (collinear items"},
		{"blank without a policy", [][]float64{{1, 2, math.NaN()}, {2, 3, 4}, {3, 3, 3}}, 1, ErrOutOfRange, "missing value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := McDonaldOmega(tt.rows, CompleteOnly, tt.factors)
			assert.ErrorIs(t, err, tt.want)
			assert.ErrorContains(t, err, tt.msg)
		})
	}
	// Eight respondents, two factors: item 1's communality comes out above
	// 1 (an ultra-Heywood case). psych warns and goes on:
	//	x <- matrix(c(2,3,3,2,1,4, 3,5,3,1,1,4, 4,5,1,4,3,1, 2,4,4,1,3,4,
	//	  3,3,1,2,2,1, 3,5,3,4,1,3, 3,1,1,3,2,3, 1,1,5,4,1,3), ncol = 6, byrow = TRUE)
	//	om <- omega(x, 2)  # "An ultra-Heywood case was detected"
	//	om$schmid$sl[1, "h2"]  # 1.034465; om$omega.tot 0.8361043
	heywood := [][]float64{{2, 3, 3, 2, 1, 4}, {3, 5, 3, 1, 1, 4}, {4, 5, 1, 4, 3, 1}, {2, 4, 4, 1, 3, 4},
		{3, 3, 1, 2, 2, 1}, {3, 5, 3, 4, 1, 3}, {3, 1, 1, 3, 2, 3}, {1, 1, 5, 4, 1, 3}}
	_, err := McDonaldOmega(heywood, CompleteOnly, 2)
	assert.ErrorIs(t, err, ErrInvalidValue)
	assert.ErrorContains(t, err, "item 1 has communality 1.03")
	assert.ErrorContains(t, err, "ultra-Heywood")
	_, err = Lambda6(collinear, CompleteOnly)
	assert.ErrorIs(t, err, ErrZeroVariance)
	var zero Alpha
	_, err = zero.Omega(1)
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = zero.Lambda6()
	assert.ErrorIs(t, err, ErrInsufficientData)
	_, err = McDonaldOmega(rows, MissingPolicy(9), 3)
	assert.ErrorIs(t, err, ErrInvalidValue)
}

// A fuzzed small data set never panics and never returns omega outside
// [0, 1] or NaN without an error.
func FuzzMcDonaldOmega(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 1, 2, 3, 2, 3, 4, 5, 1, 1, 2, 5, 4, 3, 3, 3, 1, 5, 2, 4}, uint8(2))
	f.Add([]byte{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, uint8(1))
	f.Add([]byte{5, 1, 5, 1, 1, 5, 1, 5, 2, 4, 2, 4, 3, 3, 3, 3, 0, 0, 0, 9}, uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, factors uint8) {
		const items = 6
		var rows [][]float64
		for i := 0; i+items <= len(data) && len(rows) < 40; i += items {
			row := make([]float64, items)
			for j := range row {
				row[j] = float64(data[i+j] % 7)
				if data[i+j] == 255 {
					row[j] = math.NaN()
				}
			}
			rows = append(rows, row)
		}
		o, err := McDonaldOmega(rows, Pairwise, int(factors%4))
		if err != nil {
			checkErr(t, err)
		} else if !(o.Total >= -1e-9 && o.Total <= 1+1e-9) || math.IsNaN(o.Hierarchical) {
			t.Fatalf("omega_t %v omega_h %v", o.Total, o.Hierarchical)
		}
		if _, err := Lambda6(rows, Pairwise); err != nil {
			checkErr(t, err)
		}
	})
}

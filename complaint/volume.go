package complaint

// Volume is a streaming count of cases per kind, reported per function of the
// customer-service department (funciones del departamento de atención al
// cliente). The zero value is empty; [Volume.Merge] is associative. Its
// state is one count per kind, encoded whole by [Volume.MarshalJSON].
type Volume struct {
	kinds [11]int // by Kind
}

// Add counts case c. Merged duplicates are not counted: they are the same
// request as the case they were merged into.
func (v *Volume) Add(c Case) {
	if c.State == Merged || !c.Kind.IsValid() {
		return
	}
	v.kinds[c.Kind]++
}

// Merge adds o's counts into v.
func (v *Volume) Merge(o *Volume) {
	for i := range v.kinds {
		v.kinds[i] += o.kinds[i]
	}
}

// FunctionVolume is the volume of one function.
type FunctionVolume struct {
	Function Function
	Cases    int
	Share    float64 // of all cases counted, in [0, 1]
	// ByKind has one row per kind the function handles, in [Kind] order.
	ByKind []KindVolume
}

// KindVolume is the number of cases of one kind.
type KindVolume struct {
	Kind  Kind
	Cases int
}

// Result returns one row per function, in the order of [Functions] (every
// function, even without cases), and the total number of cases. Cases of
// unknown kind are counted in the total only.
func (v *Volume) Result() ([]FunctionVolume, int) {
	total := 0
	for _, n := range v.kinds {
		total += n
	}
	out := make([]FunctionVolume, 0, len(Functions()))
	for _, f := range Functions() {
		fv := FunctionVolume{Function: f}
		for _, k := range f.Kinds() {
			fv.ByKind = append(fv.ByKind, KindVolume{Kind: k, Cases: v.kinds[k]})
			fv.Cases += v.kinds[k]
		}
		if total > 0 {
			fv.Share = float64(fv.Cases) / float64(total)
		}
		out = append(out, fv)
	}
	return out, total
}

package typology

// radixSort sorts pairs by key, ascending, with a least-significant-byte
// radix sort: eight counting passes at most, and none over a byte that is
// the same in every key (frequencies fit in one or two bytes, so their sort
// takes one or two passes). buf is scratch space of the same length. The sort
// is stable.
func radixSort(pairs, buf []keyed) {
	const signFlip = 1 << 63 // map int64 order onto uint64 order
	var counts [8][256]int
	for _, p := range pairs {
		u := uint64(p.key) ^ signFlip
		for b := 0; b < 8; b++ {
			counts[b][byte(u>>(8*b))]++
		}
	}
	src, dst := pairs, buf
	for b := 0; b < 8; b++ {
		c := &counts[b]
		if c[byte((uint64(pairs[0].key)^signFlip)>>(8*b))] == len(pairs) {
			continue // every key has the same byte here
		}
		sum := 0
		for i := range c {
			c[i], sum = sum, sum+c[i]
		}
		shift := 8 * b
		for _, p := range src {
			d := byte((uint64(p.key) ^ signFlip) >> shift)
			dst[c[d]] = p
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &pairs[0] {
		copy(pairs, src)
	}
}

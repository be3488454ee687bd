module github.com/servuction/servuction/bench

go 1.24

require github.com/servuction/servuction v0.0.0

require github.com/google/uuid v1.6.0 // indirect

require (
	github.com/rickar/cal/v2 v2.1.13
	github.com/shopspring/decimal v1.4.0
)

replace github.com/servuction/servuction => ..

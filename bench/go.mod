module github.com/servuction/servuction/bench

go 1.24

require github.com/servuction/servuction v0.0.0

require (
	github.com/rickar/cal/v2 v2.1.13
	github.com/shopspring/decimal v1.4.0 // indirect
)

replace github.com/servuction/servuction => ..

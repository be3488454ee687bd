package servuction_test

import (
	"fmt"

	"github.com/servuction/servuction"
)

func ExampleParseChannel() {
	for _, s := range []string{"teléfono", "Chat de plataforma", "redes sociales", "e-mail"} {
		c, err := servuction.ParseChannel(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-20s %-13s %s\n", s, c, c.Mode())
	}
	// Output:
	// teléfono             phone         virtual
	// Chat de plataforma   web-chat      virtual
	// redes sociales       social-media  virtual
	// e-mail               email         virtual
}

func ExampleMoney_Add() {
	fee := servuction.MustParseMoney("1500000.00 COP")
	credit := servuction.MustParseMoney("75000 COP")
	net, err := fee.Sub(credit)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(net.StringFixed(2))
	_, err = fee.Add(servuction.MustParseMoney("10 USD"))
	fmt.Println(err)
	// Output:
	// 1425000.00 COP
	// servuction: 1500000 COP and 10 USD: servuction: currency mismatch: servuction: invalid value
}

func ExampleDate_AddDays() {
	d := servuction.MustParseDate("2026-12-28")
	fmt.Println(d.AddDays(7), d.AddDays(7).Weekday())
	// Output: 2027-01-04 Monday
}

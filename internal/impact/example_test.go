package impact_test

import (
	"fmt"

	"symbiose/internal/impact"
)

func ExampleCompute() {
	f, err := impact.Default()
	if err != nil {
		panic(err)
	}
	r := impact.Compute(impact.Input{Type: "substitution", Resource: "wood.pallet", Quantity: 100, Unit: "t",
		Period: "year", Family: "waste", OutputTreatment: "landfill", DisposalCostEUR: 8000,
		PurchaseCostEUR: 12000, DistanceKm: 5}, f)
	fmt.Printf("%.0f t diverted, %.1f t CO2e avoided, %.0f EUR saved\n", r.TonnesDiverted, r.Co2eAvoidedT, r.EurosSaved)
	for _, n := range r.Notes {
		fmt.Println(n)
	}
	// Output:
	// 100 t diverted, 115.6 t CO2e avoided, 20000 EUR saved
	// avoided production: 100 t × 230.96 kgCO2e/t (DESNZ 2025, Material use, Wood, Primary material production − Re-used)
	// avoided disposal: 100 t × 925.34 kgCO2e/t (DESNZ 2025, Waste disposal, Wood, Landfill)
	// transport: − 100 t × 5 km × 0.10163 kgCO2e/t.km (DESNZ 2025, Freighting goods, HGV (all diesel), All HGVs, Average laden)
}

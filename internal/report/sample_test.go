package report

import (
	"math"
	"slices"
	"time"
)

// sampleReport is a realistic French report of a three-year programme,
// every section filled, for the renderers' tests.
func sampleReport() Report {
	return Report{
		Lang:        "fr",
		Territory:   "Grand Angoumois",
		Programme:   "Programme EIT 2019-2021",
		GeneratedOn: time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC),
		Context: Context{
			Text: "Le Grand Angoumois réunit des industries papetières, agroalimentaires et " +
				"du bâtiment autour d'Angoulême. Le programme d'écologie industrielle et " +
				"territoriale, porté par la CCI, vise à réduire les déchets enfouis et à " +
				"mutualiser les services entre entreprises des zones d'activité.",
			Companies:        142,
			Flows:            386,
			CompaniesVisited: 25,
			FlowsByFamily: []Count{
				{Label: "waste", Value: 214},
				{Label: "material", Value: 97},
				{Label: "energy", Value: 41},
				{Label: "water", Value: 34},
			},
			Zones: []string{"ZI n°3 de L'Isle-d'Espagnac", "ZA des Montagnes", "Parc d'activités Euratlantic"},
		},
		Objectives: []Objective{
			{Label: "10 synergies d'ici 2021", Target: 10, Achieved: 9, Due: "2021-12-31"},
			{Label: "30 entreprises diagnostiquées", Target: 30, Achieved: 25, Due: "2021"},
		},
		Results: Results{
			Funnel: []Count{
				{Label: "diagnostics", Value: 25},
				{Label: "detected", Value: 37},
				{Label: "qualified", Value: 24},
				{Label: "contacted", Value: 18},
				{Label: "studying", Value: 13},
				{Label: "realised", Value: 9},
			},
			ByStatus: []Count{
				{Label: "detected", Value: 13},
				{Label: "qualified", Value: 6},
				{Label: "contacted", Value: 5},
				{Label: "studying", Value: 2},
				{Label: "implementing", Value: 2},
				{Label: "realised", Value: 9},
				{Label: "abandoned", Value: 4},
			},
			ByType: []Count{
				{Label: "substitution", Value: 6},
				{Label: "mutualisation", Value: 3},
			},
			ByNature: []Count{
				{Label: "material", Value: 5},
				{Label: "energy", Value: 2},
				{Label: "service", Value: 2},
			},
			ByYear: []YearCount{
				{Year: 2019, Realised: 2, Other: 11},
				{Year: 2020, Realised: 3, Other: 14},
				{Year: 2021, Realised: 4, Other: 6},
			},
			Impact: []YearImpact{
				{Year: 2019, Synergies: 2, TonnesDiverted: 180, Co2eAvoidedT: 42.6, EurosSaved: 18500, WaterSavedM3: 0, EnergySavedMWh: 0.43},
				{Year: 2020, Synergies: 3, TonnesDiverted: 520.4, Co2eAvoidedT: 96.2, EurosSaved: 41200, WaterSavedM3: 1250, EnergySavedMWh: 310},
				{Year: 2021, Synergies: 4, TonnesDiverted: 760, Co2eAvoidedT: 7.25, EurosSaved: 54600, WaterSavedM3: 3400, EnergySavedMWh: 95.5},
			},
			Total: YearImpact{
				Synergies: 9, TonnesDiverted: 1460.4, Co2eAvoidedT: 146.05, EurosSaved: 114300,
				WaterSavedM3: 4650, EnergySavedMWh: 405.93,
			},
			Companies: 16,
			Realised: []Synergy{
				{Label: "Palettes cassées reprises par un palettiste", Type: "substitution", Nature: "material",
					Companies: "Papeteries de la Couronne → Palettes Charentaises", StartedOn: "2019-04-15", Tonnes: 120, Co2eT: 18.5, Euros: 9800},
				{Label: "Chaleur fatale de la fonderie vers la serre maraîchère", Type: "substitution", Nature: "energy",
					Companies: "Fonderie de Ruelle → Serres du Val de Charente", StartedOn: "2019-09-01", Tonnes: 0, Co2eT: 24.1, Euros: 8700},
				{Label: "Collecte mutualisée des cartons", Type: "mutualisation", Nature: "service",
					Companies: "ZA des Montagnes (7 entreprises)", StartedOn: "2020-02-10", Tonnes: 96, Co2eT: 5.8, Euros: 12400},
				{Label: "Boues de papeterie épandues en agriculture", Type: "substitution", Nature: "material",
					Companies: "Papeteries de la Couronne → GAEC des Trois Chênes", StartedOn: "2020-06-01", Tonnes: 424.4, Co2eT: 61.3, Euros: 21800},
				{Label: "Sciures valorisées en litière équine", Type: "substitution", Nature: "material",
					Companies: "Scierie Dupuy → Haras de l'Angoumois", StartedOn: "2021-03-22", Tonnes: 38, Co2eT: 0.43, Euros: 2600},
				{Label: "Groupement d'achat d'électricité verte", Type: "mutualisation", Nature: "energy",
					Companies: "Parc d'activités Euratlantic (11 entreprises)", StartedOn: "2021-10-04", Tonnes: 0, Co2eT: 9.9, Euros: 14300},
			},
		},
		Sankey: []SankeyLink{
			{Family: "material", Treatment: "synergy", Tonnes: 424},
			{Family: "material", Treatment: "reuse", Tonnes: 300},
			{Family: "material", Treatment: "recycling", Tonnes: 150},
			{Family: "material", Treatment: "other", Tonnes: 60},
			{Family: "waste", Treatment: "synergy", Tonnes: 1500},
			{Family: "waste", Treatment: "recycling", Tonnes: 800},
			{Family: "waste", Treatment: "energy_recovery", Tonnes: 450},
			{Family: "waste", Treatment: "unknown", Tonnes: 260},
			{Family: "waste", Treatment: "incineration", Tonnes: 320},
			{Family: "waste", Treatment: "landfill", Tonnes: 1200},
			{Family: "water", Treatment: "unknown", Tonnes: 640},
			{Family: "water", Treatment: "synergy", Tonnes: 12},
		},
		Network: sampleNetwork(),
		Timeline: []Phase{
			{Name: "Mobilisation des entreprises et diagnostics", From: "2019-01-07", To: "2019-06-30"},
			{Name: "Ateliers de détection des synergies", From: "2019-07-01", To: "2020-03-31"},
			{Name: "Accompagnement à la mise en œuvre", From: "2020-04-01"},
		},
		Partners: []Partner{
			{Name: "Chambre de commerce et d'industrie de la Charente", Role: "Porteur du programme, animation"},
			{Name: "ADEME Nouvelle-Aquitaine", Role: "Cofinancement et appui méthodologique"},
			{Name: "GrandAngoulême", Role: "Foncier, zones d'activité et collecte des déchets"},
		},
		Means: []Means{
			{Year: 2019, StaffFTE: 1, StaffEUR: 52000, ConsultancyEUR: 18000, SoftwareEUR: 2400},
			{Year: 2020, StaffFTE: 1.5, StaffEUR: 71000, ConsultancyEUR: 9500, SoftwareEUR: 2400},
			{Year: 2021, StaffFTE: 0.8, StaffEUR: 39000, ConsultancyEUR: 0, SoftwareEUR: 2400},
		},
		CostPerRealised: 21855.56,
		SuccessFactors: []string{
			"Un animateur dédié, connu des chefs d'entreprise, et des ateliers à heure fixe.",
			"L'appui de l'ADEME et de la collectivité pour lever les freins réglementaires.",
		},
		Difficulties: []string{
			"Des gisements trop faibles pour intéresser les repreneurs, hors mutualisation.",
			"Le turn-over des interlocuteurs dans les grandes entreprises.",
		},
	}
}

// sampleNetwork is twelve companies of the sample laid out on a circle the
// way Build does it, linked by fourteen synergies, six of them realised.
func sampleNetwork() Network {
	names := []string{
		"Papeteries de la Couronne", "Palettes Charentaises", "Fonderie de Ruelle",
		"Serres du Val de Charente", "GAEC des Trois Chênes", "Scierie Dupuy",
		"Haras de l'Angoumois", "Chaufferie du Plateau", "Laiterie de Montbron",
		"Transports Bernard et Fils", "Béton Charentais", "Imprimerie Coopérative de Jarnac",
	}
	slices.Sort(names)
	var n Network
	for i, name := range names {
		angle := 2*math.Pi*float64(i)/float64(len(names)) - math.Pi/2
		n.Nodes = append(n.Nodes, Node{Label: name, X: round(0.5 + 0.5*math.Cos(angle)), Y: round(0.5 + 0.5*math.Sin(angle))})
	}
	for _, e := range []struct{ a, b, status, kind string }{
		{"Papeteries de la Couronne", "Palettes Charentaises", "realised", "substitution"},
		{"Fonderie de Ruelle", "Serres du Val de Charente", "realised", "substitution"},
		{"Papeteries de la Couronne", "GAEC des Trois Chênes", "realised", "substitution"},
		{"Scierie Dupuy", "Haras de l'Angoumois", "realised", "substitution"},
		{"Scierie Dupuy", "Chaufferie du Plateau", "realised", "substitution"},
		{"Laiterie de Montbron", "GAEC des Trois Chênes", "realised", "substitution"},
		{"Béton Charentais", "Transports Bernard et Fils", "studying", "mutualisation"},
		{"Béton Charentais", "Imprimerie Coopérative de Jarnac", "contacted", "mutualisation"},
		{"Transports Bernard et Fils", "Imprimerie Coopérative de Jarnac", "contacted", "mutualisation"},
		{"Imprimerie Coopérative de Jarnac", "Papeteries de la Couronne", "qualified", "substitution"},
		{"Fonderie de Ruelle", "Chaufferie du Plateau", "detected", "substitution"},
		{"Laiterie de Montbron", "Serres du Val de Charente", "implementing", "substitution"},
		{"Palettes Charentaises", "Scierie Dupuy", "detected", "substitution"},
		{"Transports Bernard et Fils", "Laiterie de Montbron", "qualified", "mutualisation"},
	} {
		a, b := slices.Index(names, e.a), slices.Index(names, e.b)
		n.Nodes[a].Links++
		n.Nodes[b].Links++
		n.Edges = append(n.Edges, Edge{From: a, To: b, Status: e.status, Type: e.kind})
	}
	return n
}

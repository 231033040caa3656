package dataset

import (
	"strings"

	"symbiose/internal/nomenclature"
)

// vocab maps the words people write (English and French, any case, with or
// without accents) to the canonical value of a field.
type vocab map[string]string

func newVocab(groups map[string][]string) vocab {
	v := vocab{}
	for canonical, words := range groups {
		v[fold(canonical)] = canonical
		for _, w := range words {
			v[fold(w)] = canonical
		}
	}
	return v
}

// lookup returns the canonical value of s, or false when s is not a known word.
func (v vocab) lookup(s string) (string, bool) {
	c, ok := v[fold(s)]
	return c, ok
}

// fold lower-cases, removes accents and collapses spaces, dashes and
// underscores, so that "Énergie", "energie" and "ÉNERGIE" are one word.
func fold(s string) string {
	return nomenclature.Fold(separators.Replace(s))
}

var separators = strings.NewReplacer("_", " ", "-", " ")

var (
	directions = newVocab(map[string][]string{
		"input":  {"in", "besoin", "besoins", "entrant", "entrants", "entree", "entrée", "need", "consumption"},
		"output": {"out", "ressource", "ressources", "offre", "sortant", "sortants", "sortie", "resource", "supply", "offer"},
	})
	families = newVocab(map[string][]string{
		"material":  {"materials", "matiere", "matieres", "matière", "matières", "matiere premiere", "matières premières"},
		"waste":     {"wastes", "dechet", "dechets", "déchet", "déchets"},
		"energy":    {"energie", "énergie", "energies", "énergies"},
		"water":     {"eau", "eaux"},
		"equipment": {"equipement", "équipement", "equipements", "équipements", "materiel", "matériel"},
		"service":   {"services", "prestation", "prestations"},
		"skill":     {"skills", "competence", "compétence", "competences", "compétences", "savoir faire"},
		"space":     {"foncier", "locaux", "local", "espace", "terrain", "surface"},
		"logistics": {"logistique", "transport", "transports"},
	})
	units = newVocab(map[string][]string{
		"t":      {"tonne", "tonnes", "tonnes/an", "ton", "tons", "tonnes metriques"},
		"kg":     {"kilo", "kilos", "kilogramme", "kilogrammes", "kilogram", "kilograms"},
		"m3":     {"m³", "metre cube", "mètre cube", "metres cubes", "mètres cubes", "cubic metre", "cubic meters"},
		"L":      {"l", "litre", "litres", "liter", "liters"},
		"MWh":    {"mwh"},
		"kWh":    {"kwh"},
		"unit":   {"units", "piece", "pièce", "pieces", "pièces", "u", "unite", "unité", "unites", "unités", "pcs", "item", "items"},
		"h":      {"heure", "heures", "hour", "hours", "hr"},
		"m2":     {"m²", "metre carre", "mètre carré", "metres carres", "mètres carrés", "square metre", "sqm"},
		"pallet": {"pallets", "palette", "palettes"},
	})
	periods = newVocab(map[string][]string{
		"year":  {"an", "ans", "annee", "année", "annuel", "yearly", "per year", "par an", "/an", "years"},
		"month": {"mois", "mensuel", "monthly", "per month", "par mois", "months"},
		"week":  {"semaine", "semaines", "hebdomadaire", "weekly", "per week", "par semaine", "weeks"},
		"day":   {"jour", "jours", "journalier", "daily", "per day", "par jour", "days"},
		"once":  {"ponctuel", "ponctuelle", "une fois", "one off", "one-off", "one time"},
	})
	treatments = newVocab(map[string][]string{
		"landfill":        {"enfouissement", "decharge", "décharge", "isdnd", "isdd", "isdi", "stockage"},
		"incineration":    {"incinération", "incineration sans valorisation", "uiom"},
		"energy_recovery": {"valorisation energetique", "valorisation énergétique", "energy recovery", "combustion", "csr"},
		"recycling":       {"recyclage", "valorisation matiere", "valorisation matière", "recycled"},
		"reuse":           {"reemploi", "réemploi", "reutilisation", "réutilisation", "re use"},
		"other":           {"autre", "autres"},
	})
	visibilities = newVocab(map[string][]string{
		"private":   {"prive", "privé", "privée", "confidentiel", "confidential"},
		"anonymous": {"anonyme", "anonymise", "anonymisé", "anonymised", "anonymized"},
		"public":    {"publique"},
	})
	synergyTypes = newVocab(map[string][]string{
		"substitution":  {},
		"mutualisation": {"mutualization", "mutualisations", "pooling"},
	})
	statuses = newVocab(map[string][]string{
		"detected":     {"detectee", "détectée", "detecte", "détecté", "idee", "idée", "idea"},
		"qualified":    {"qualifiee", "qualifiée", "qualifie", "qualifié"},
		"contacted":    {"contactee", "contactée", "contacte", "contacté", "mise en relation"},
		"studying":     {"etude", "étude", "a l'etude", "à l'étude", "en etude", "en étude", "study"},
		"implementing": {"mise en oeuvre", "mise en œuvre", "en cours", "implementation", "en cours de mise en oeuvre"},
		"realised":     {"realized", "realisee", "réalisée", "realise", "réalisé", "done"},
		"abandoned":    {"abandonnee", "abandonnée", "abandonne", "abandonné", "abandon"},
	})
)

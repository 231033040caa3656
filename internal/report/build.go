package report

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"symbiose/internal/impact"
	"symbiose/internal/model"
	"symbiose/internal/programme"
	"symbiose/internal/synergy"
)

// Input is the data a report is built from.
type Input struct {
	Lang      string
	Territory string
	Programme *programme.Programme // nil when the territory has none
	Companies []model.Company
	Flows     []model.Flow
	Synergies []model.Synergy
	Visits    []model.CampaignVisit // of every campaign
	Factors   *impact.Factors
	Now       time.Time
}

// Build computes a report from the data.
func Build(in Input) Report {
	companies := make(map[string]model.Company, len(in.Companies))
	for _, c := range in.Companies {
		companies[c.ExtID] = c
	}
	flows := make(map[string]model.Flow, len(in.Flows))
	for _, f := range in.Flows {
		flows[f.ExtID] = f
	}
	natureOf := func(s model.Synergy) string { return synergy.Nature(s, flows) }

	r := Report{Lang: in.Lang, Territory: in.Territory, GeneratedOn: in.Now}
	r.Context = territoryContext(in)
	var realised []model.Synergy
	for _, s := range in.Synergies {
		if s.Status == model.StatusRealised {
			realised = append(realised, s)
		}
	}
	r.Results = results(in, realised, companies, flows, natureOf)
	r.Results.Funnel = append([]Count{{"diagnostics", r.Context.CompaniesVisited}}, funnel(in.Synergies)...)
	r.Sankey = sankey(in.Flows, realised)
	r.Network = network(in.Synergies, companies, flows)

	if p := in.Programme; p != nil {
		r.Programme = p.Name
		r.Context.Text = p.Context
		for _, o := range p.Objectives {
			due := ""
			if o.By != 0 {
				due = strconv.Itoa(o.By)
			}
			r.Objectives = append(r.Objectives, Objective{Label: o.Label, Target: o.Target, Achieved: o.Achieved(in.Synergies, natureOf), Due: due})
		}
		for _, ph := range p.Phases {
			r.Timeline = append(r.Timeline, Phase{Name: ph.Name, From: ph.From, To: ph.To})
		}
		for _, pa := range p.Partners {
			r.Partners = append(r.Partners, Partner{Name: pa.Name, Role: pa.Role})
		}
		for _, m := range p.Means {
			r.Means = append(r.Means, Means{Year: m.Year, StaffFTE: m.StaffFTE, StaffEUR: m.StaffEUR,
				ConsultancyEUR: m.ConsultancyEUR, SoftwareEUR: m.SoftwareEUR})
		}
		slices.SortFunc(r.Means, func(a, b Means) int { return a.Year - b.Year })
		if cost := p.Cost(); cost > 0 && len(realised) > 0 {
			r.CostPerRealised = math.Round(cost / float64(len(realised)))
		}
		r.SuccessFactors, r.Difficulties = p.SuccessFactors, p.Difficulties
	}
	return r
}

func territoryContext(in Input) Context {
	c := Context{Companies: len(in.Companies), Flows: len(in.Flows)}
	visited := map[int64]bool{}
	for _, v := range in.Visits {
		if v.VisitedOn != "" {
			visited[v.CompanyID] = true
		}
	}
	c.CompaniesVisited = len(visited)
	byFamily := map[string]int{}
	for _, f := range in.Flows {
		byFamily[f.Family]++
	}
	for _, fam := range model.Families {
		if byFamily[fam] > 0 {
			c.FlowsByFamily = append(c.FlowsByFamily, Count{fam, byFamily[fam]})
		}
	}
	zones := map[string]bool{}
	for _, co := range in.Companies {
		if z := strings.TrimSpace(co.Zone); z != "" {
			zones[z] = true
		}
	}
	for z := range zones {
		c.Zones = append(c.Zones, z)
	}
	slices.Sort(c.Zones)
	return c
}

// funnel counts the synergies that reached each status of the pipeline: a
// synergy at a status has passed the ones before it. Abandoned synergies
// count as detected only, since where they stopped is in their history,
// not their status.
func funnel(synergies []model.Synergy) []Count {
	open := model.Statuses[:len(model.Statuses)-1] // abandoned is not a step
	out := make([]Count, len(open))
	for i, st := range open {
		out[i].Label = st
	}
	for _, s := range synergies {
		reached := slices.Index(open, s.Status)
		if s.Status == model.StatusAbandoned {
			reached = 0
		}
		for i := 0; i <= reached; i++ {
			out[i].Value++
		}
	}
	return out
}

func results(in Input, realised []model.Synergy, companies map[string]model.Company, flows map[string]model.Flow,
	natureOf func(model.Synergy) string) Results {
	var res Results
	byStatus := map[string]int{}
	years := map[int]*YearCount{}
	for _, s := range in.Synergies {
		byStatus[s.Status]++
		if y := impact.YearOf(s.StartedOn); y != 0 {
			if years[y] == nil {
				years[y] = &YearCount{Year: y}
			}
			if s.Status == model.StatusRealised {
				years[y].Realised++
			} else {
				years[y].Other++
			}
		}
	}
	for _, st := range model.Statuses {
		res.ByStatus = append(res.ByStatus, Count{st, byStatus[st]})
	}
	for _, y := range years {
		res.ByYear = append(res.ByYear, *y)
	}
	slices.SortFunc(res.ByYear, func(a, b YearCount) int { return a.Year - b.Year })

	byType, byNature := map[string]int{}, map[string]int{}
	involved := map[string]bool{}
	var dated []impact.Dated
	for _, s := range realised {
		if jobs, err := strconv.Atoi(strings.TrimSpace(s.Attrs["jobs"])); err == nil && jobs > 0 {
			res.Jobs += jobs
		}
		byType[s.Type]++
		nature := natureOf(s)
		if nature != "" {
			byNature[nature]++
		}
		in2, _ := impact.InputFor(s, flows, companies)
		result := impact.Compute(in2, in.Factors)
		dated = append(dated, impact.Dated{Year: impact.YearOf(s.StartedOn), Result: result})
		members := synergyCompanies(s, flows)
		var names []string
		for _, ext := range members {
			involved[ext] = true
			names = append(names, cmp.Or(companies[ext].Name, ext))
		}
		sep := ", "
		if s.Type == model.Substitution {
			sep = " → "
		}
		res.Realised = append(res.Realised, Synergy{Label: s.Label, Type: s.Type, Nature: nature, Companies: strings.Join(names, sep),
			StartedOn: s.StartedOn, Tonnes: round(result.TonnesDiverted), Co2eT: round(result.Co2eAvoidedT), Euros: math.Round(result.EurosSaved)})
	}
	slices.SortStableFunc(res.Realised, func(a, b Synergy) int { return strings.Compare(a.StartedOn, b.StartedOn) })
	for _, t := range []string{model.Substitution, model.Mutualisation} {
		res.ByType = append(res.ByType, Count{t, byType[t]})
	}
	for _, n := range synergy.Natures {
		if byNature[n] > 0 {
			res.ByNature = append(res.ByNature, Count{n, byNature[n]})
		}
	}
	byYear, total := impact.Totals(dated)
	for _, t := range byYear {
		res.Impact = append(res.Impact, yearImpact(t))
	}
	res.Total = yearImpact(total)
	res.Companies = len(involved)
	return res
}

// synergyCompanies lists the dataset ids of a synergy's companies: the
// supplier then the receiver, or the members of a pool.
func synergyCompanies(s model.Synergy, flows map[string]model.Flow) []string {
	if s.Type == model.Mutualisation {
		return s.CompanyExtIDs
	}
	var out []string
	for _, ext := range []string{cmp.Or(flows[s.OutputFlowExtID].CompanyExtID, s.OutputCompExtID),
		cmp.Or(flows[s.InputFlowExtID].CompanyExtID, s.InputCompExtID)} {
		if ext != "" {
			out = append(out, ext)
		}
	}
	return out
}

func yearImpact(t impact.Total) YearImpact {
	return YearImpact{Year: t.Year, Synergies: t.Synergies, TonnesDiverted: round(t.TonnesDiverted), Co2eAvoidedT: round(t.Co2eAvoidedT),
		EurosSaved: math.Round(t.EurosSaved), WaterSavedM3: round(t.WaterSavedM3), EnergySavedMWh: round(t.EnergySavedMWh)}
}

// round keeps two decimals: enough for small figures, invisible on big ones.
func round(v float64) float64 { return math.Round(v*100) / 100 }

// sankey sums the outputs given by mass, in tonnes a year, by family and
// current treatment; outputs a realised synergy takes up go to "synergy".
func sankey(flows []model.Flow, realised []model.Synergy) []SankeyLink {
	taken := map[string]bool{}
	for _, s := range realised {
		if s.OutputFlowExtID != "" {
			taken[s.OutputFlowExtID] = true
		}
	}
	type key struct{ family, treatment string }
	sums := map[key]float64{}
	for _, f := range flows {
		if f.Direction != model.Output || f.Quantity == nil {
			continue
		}
		t, ok := impact.TonnesPerYear(*f.Quantity, f.Unit, f.Period)
		if !ok || t <= 0 {
			continue
		}
		treatment := cmp.Or(f.Treatment, "unknown")
		if taken[f.ExtID] {
			treatment = "synergy"
		}
		sums[key{f.Family, treatment}] += t
	}
	var out []SankeyLink
	for k, t := range sums {
		out = append(out, SankeyLink{Family: k.family, Treatment: k.treatment, Tonnes: math.Round(t)})
	}
	famRank := func(f string) int { return slices.Index(model.Families, f) }
	treatRank := func(t string) int { return slices.Index(treatments, t) }
	slices.SortFunc(out, func(a, b SankeyLink) int {
		if d := famRank(a.Family) - famRank(b.Family); d != 0 {
			return d
		}
		return treatRank(a.Treatment) - treatRank(b.Treatment)
	})
	return out
}

// treatments in the order the Sankey diagram stacks them, from the best
// outcome to the worst.
var treatments = []string{"synergy", "reuse", "recycling", "energy_recovery", "other", "unknown", "incineration", "landfill"}

// network lays the companies of the open and realised synergies on a
// circle, in name order, linked by their synergies.
func network(synergies []model.Synergy, companies map[string]model.Company, flows map[string]model.Flow) Network {
	var n Network
	index := map[string]int{}
	type link struct {
		a, b         string
		status, kind string
	}
	var links []link
	for _, s := range synergies {
		if s.Status == model.StatusAbandoned {
			continue
		}
		members := synergyCompanies(s, flows)
		if len(members) < 2 {
			continue
		}
		for i := 0; i < len(members); i++ {
			for j := i + 1; j < len(members); j++ {
				if s.Type == model.Substitution || len(members) <= 8 || i == 0 {
					links = append(links, link{members[i], members[j], s.Status, s.Type})
				}
			}
		}
		for _, m := range members {
			index[m] = -1
		}
	}
	var exts []string
	for ext := range index {
		exts = append(exts, ext)
	}
	name := func(ext string) string { return cmp.Or(companies[ext].Name, ext) }
	slices.SortFunc(exts, func(a, b string) int { return strings.Compare(name(a), name(b)) })
	for i, ext := range exts {
		index[ext] = i
		angle := 2*math.Pi*float64(i)/float64(len(exts)) - math.Pi/2
		n.Nodes = append(n.Nodes, Node{Label: name(ext), X: round(0.5 + 0.5*math.Cos(angle)), Y: round(0.5 + 0.5*math.Sin(angle))})
	}
	for _, l := range links {
		a, b := index[l.a], index[l.b]
		n.Nodes[a].Links++
		n.Nodes[b].Links++
		n.Edges = append(n.Edges, Edge{From: a, To: b, Status: l.status, Type: l.kind})
	}
	return n
}

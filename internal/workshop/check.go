package workshop

// Check reports, in plain words, why a problem cannot have an admissible plan:
// the error wraps ErrInfeasible in a *Reason carrying English and French.
// It tests necessary conditions only (counting arguments and direct
// conflicts), so a nil error does not promise that Solve will succeed; it is
// cheap enough to run on every keystroke of the organiser.
func Check(p Problem) error {
	in, err := newInstance(p)
	if err != nil {
		return err
	}
	return in.feasible()
}

func (in *instance) feasible() error {
	for _, f := range []func() error{in.checkCounting, in.checkFixed, in.checkMustMeet} {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// checkCounting applies the two counting arguments that rule out most
// over-ambitious requests before any search.
func (in *instance) checkCounting() error {
	n, R := len(in.active), in.rounds
	if R == 0 || n == 0 {
		return nil
	}
	T, smax, smin := len(in.sizes), in.sizes[0], in.sizes[len(in.sizes)-1]
	// Pigeonhole: a table of the second round draws its smax companies from
	// the T tables of the first; if smax > T two come from the same table.
	if R >= 2 && smax > T {
		return infeasible("%d companies at tables of %d make %d tables, so a second round is impossible without repeats: "+
			"a table of %d draws its companies from only %d tables of the previous round, so two of them meet again",
			"%d entreprises à des tables de %d font %d tables, donc un deuxième tour fait forcément se revoir deux entreprises : "+
				"une table de %d prend ses entreprises dans seulement %d tables du tour précédent, donc deux d'entre elles viennent de la même",
			n, in.k, T, smax, T)
	}
	// Each round brings at least smin-1 new partners to every company.
	if smin > 1 && R*(smin-1) > n-1 {
		return infeasible("each company meets at least %d new companies per round out of %d others, "+
			"so at most %d rounds fit without repeats, not %d",
			"chaque entreprise rencontre au moins %d nouvelles entreprises par tour parmi les %d autres, "+
				"donc au plus %d tours tiennent sans que personne ne se revoie, pas %d",
			smin-1, n-1, (n-1)/(smin-1), R)
	}
	if smin > 1 {
		for _, c := range in.active {
			avail := 0
			for _, j := range in.active {
				if j != c && in.base[c*in.n+j] == 0 && !in.compet[c*in.n+j] {
					avail++
				}
			}
			if R*(smin-1) > avail {
				return infeasible("%s can still meet only %d companies (not yet met, not competitors) "+
					"but %d rounds at tables of at least %d need %d",
					"%s ne peut plus rencontrer que %d entreprises (pas encore vues, non concurrentes), "+
						"mais %d tours à des tables d'au moins %d en demandent %d",
					in.name(c), avail, R, smin, R*(smin-1))
			}
		}
	}
	return nil
}

// checkFixed finds fixed seats that break a rule on their own.
func (in *instance) checkFixed() error {
	n := in.n
	met := make([]int, n*n) // meetings imposed by fixed seats
	for r := range in.fixed {
		tables := make([][]int, len(in.sizes))
		for _, c := range in.active {
			if t := in.fixed[r][c]; t >= 0 {
				tables[t] = append(tables[t], c)
			}
		}
		for t, cs := range tables {
			if len(cs) > in.sizes[t] {
				return infeasible("%d companies are fixed at table %d of round %d, which seats %d",
					"%d entreprises ont une place imposée à la table %d du tour %d, qui n'en accueille que %d",
					len(cs), t+1, in.played+r+1, in.sizes[t])
			}
			for x, a := range cs {
				for _, b := range cs[x+1:] {
					switch {
					case in.compet[a*n+b]:
						return infeasible("competitors %s and %s are fixed at the same table in round %d",
							"les concurrents %s et %s ont une place imposée à la même table au tour %d",
							in.name(a), in.name(b), in.played+r+1)
					case in.base[a*n+b] > 0:
						return infeasible("%s and %s are fixed together in round %d but already met",
							"%s et %s ont une place imposée à la même table au tour %d alors qu'elles se sont déjà rencontrées",
							in.name(a), in.name(b), in.played+r+1)
					case met[a*n+b] > 0:
						return infeasible("%s and %s are fixed at the same table in two rounds",
							"%s et %s ont une place imposée à la même table dans deux tours",
							in.name(a), in.name(b))
					}
					met[a*n+b]++
				}
			}
		}
	}
	return nil
}

// checkMustMeet finds must-meet pairs that no plan can seat together.
func (in *instance) checkMustMeet() error {
	n := in.n
	maxNew := 0
	if len(in.sizes) > 0 {
		maxNew = in.rounds * (in.sizes[0] - 1)
	}
	for a := 0; a < n; a++ {
		pending := 0
		for _, b := range in.mustOf[a] {
			if in.base[a*n+b] > 0 {
				continue // already met in a played round
			}
			if a > b {
				pending++
				continue // the pair was examined from b's side
			}
			pending++
			switch {
			case in.compet[a*n+b]:
				return infeasible("%s and %s must meet but are competitors",
					"%s et %s doivent se rencontrer mais sont concurrentes", in.name(a), in.name(b))
			case !in.isAct[a] || !in.isAct[b]:
				return infeasible("%s and %s must meet but one of them is absent",
					"%s et %s doivent se rencontrer mais l'une des deux est absente", in.name(a), in.name(b))
			case !in.canShareARound(a, b):
				return infeasible("%s and %s must meet but their fixed seats keep them apart in every remaining round",
					"%s et %s doivent se rencontrer mais leurs places imposées les séparent à chaque tour restant",
					in.name(a), in.name(b))
			}
		}
		if pending > maxNew {
			return infeasible("%s must still meet %d companies but can meet at most %d in the remaining rounds",
				"%s doit encore rencontrer %d entreprises mais ne peut en rencontrer que %d au plus dans les tours restants",
				in.name(a), pending, maxNew)
		}
	}
	return nil
}

func (in *instance) canShareARound(a, b int) bool {
	for r := range in.fixed {
		ta, tb := in.fixed[r][a], in.fixed[r][b]
		if ta < 0 || tb < 0 || ta == tb {
			return true
		}
	}
	return false
}

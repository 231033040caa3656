package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"symbiose/internal/model"
)

// ImportOptions tune ImportDataset.
type ImportOptions struct {
	DryRun   bool                  // run every write, then roll back: the counts without the change
	Progress func(done, total int) // called every few hundred records, may be nil
	Actor    string                // who imports, for the synergy history
	// NewTerritory, when territoryID is 0, names a territory to create in
	// the same transaction: a failed or dry-run import leaves no trace.
	NewTerritory string
}

// ImportStats counts what an import created and updated.
type ImportStats struct {
	TerritoryID                        int64
	CompaniesCreated, CompaniesUpdated int
	FlowsCreated, FlowsUpdated         int
	SynergiesCreated, SynergiesUpdated int
	Contacts                           int
}

// errDryRun rolls back a dry run's transaction.
var errDryRun = errors.New("dry run")

// ImportDataset writes a validated dataset into a territory in one
// transaction: records whose identifier exists are updated, others created.
// Either everything is written or nothing is.
func (s *Storage) ImportDataset(ctx context.Context, territoryID int64, ds model.Dataset, opt ImportOptions) (ImportStats, error) {
	var st ImportStats
	im := &importer{s: s, territoryID: territoryID, opt: opt, stamp: now(),
		total: len(ds.Companies) + len(ds.Flows) + len(ds.Synergies)}
	if opt.Actor == "" {
		im.opt.Actor = "import"
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		im.tx = tx
		if im.territoryID == 0 {
			if err := tx.QueryRowContext(ctx, s.db.Rebind(`INSERT INTO territories (name, created_at) VALUES (?, ?) RETURNING id`),
				opt.NewTerritory, im.stamp).Scan(&im.territoryID); err != nil {
				return fmt.Errorf("create territory %q: %w", opt.NewTerritory, err)
			}
		}
		st.TerritoryID = im.territoryID
		if err := im.loadExisting(ctx); err != nil {
			return err
		}
		if err := im.writeCompanies(ctx, ds.Companies, &st); err != nil {
			return err
		}
		if err := im.writeContacts(ctx, ds.Contacts, &st); err != nil {
			return err
		}
		if err := im.writeFlows(ctx, ds.Flows, &st); err != nil {
			return err
		}
		if err := im.writeSynergies(ctx, ds.Synergies, &st); err != nil {
			return err
		}
		if opt.DryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return st, err
}

type importer struct {
	s           *Storage
	tx          *sql.Tx
	territoryID int64
	opt         ImportOptions
	stamp       string
	done, total int

	companyIDs map[string]int64
	flowIDs    map[string]int64
	synergies  map[string]synergyState
}

type synergyState struct {
	id     int64
	status string
}

func (im *importer) tick() {
	im.done++
	if im.opt.Progress != nil && (im.done%500 == 0 || im.done == im.total) {
		im.opt.Progress(im.done, im.total)
	}
}

func (im *importer) prepare(ctx context.Context, q string) (*sql.Stmt, error) {
	st, err := im.tx.PrepareContext(ctx, im.s.db.Rebind(q))
	if err != nil {
		return nil, fmt.Errorf("prepare import statement: %w", err)
	}
	return st, nil
}

// loadExisting reads the identifiers already in the territory so that
// records are matched by dataset id and counted as created or updated.
func (im *importer) loadExisting(ctx context.Context) error {
	im.companyIDs, im.flowIDs, im.synergies = map[string]int64{}, map[string]int64{}, map[string]synergyState{}
	load := func(q string, fn func(ext string, id int64, extra string)) error {
		rows, err := im.tx.QueryContext(ctx, im.s.db.Rebind(q), im.territoryID)
		if err != nil {
			return fmt.Errorf("read existing records: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var ext, extra string
			var id int64
			if err := rows.Scan(&ext, &id, &extra); err != nil {
				return fmt.Errorf("read existing records: %w", err)
			}
			fn(ext, id, extra)
		}
		return rows.Err()
	}
	if err := load(`SELECT ext_id, id, '' FROM companies WHERE territory_id = ?`,
		func(ext string, id int64, _ string) { im.companyIDs[ext] = id }); err != nil {
		return err
	}
	if err := load(`SELECT ext_id, id, '' FROM flows WHERE territory_id = ?`,
		func(ext string, id int64, _ string) { im.flowIDs[ext] = id }); err != nil {
		return err
	}
	return load(`SELECT ext_id, id, status FROM synergies WHERE territory_id = ?`,
		func(ext string, id int64, status string) { im.synergies[ext] = synergyState{id, status} })
}

func (im *importer) writeCompanies(ctx context.Context, list []model.Company, st *ImportStats) error {
	stmt, err := im.prepare(ctx, `INSERT INTO companies (territory_id, ext_id, name, siret, naf, employees,
			address, postcode, city, lat, lon, zone, tags, attrs, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (territory_id, ext_id) DO UPDATE SET name = excluded.name, siret = excluded.siret,
			naf = excluded.naf, employees = excluded.employees, address = excluded.address,
			postcode = excluded.postcode, city = excluded.city, lat = excluded.lat, lon = excluded.lon,
			zone = excluded.zone, tags = excluded.tags, attrs = excluded.attrs, updated_at = excluded.updated_at
		RETURNING id`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, c := range list {
		if _, ok := im.companyIDs[c.ExtID]; ok {
			st.CompaniesUpdated++
		} else {
			st.CompaniesCreated++
		}
		var id int64
		if err := stmt.QueryRowContext(ctx, im.territoryID, c.ExtID, c.Name, c.SIRET, c.NAF, nullInt(c.Employees),
			c.Address, c.Postcode, c.City, nullFloat(c.Lat), nullFloat(c.Lon), c.Zone, joinList(c.Tags),
			encodeAttrs(c.Attrs), im.stamp).Scan(&id); err != nil {
			return fmt.Errorf("write company %q: %w", c.ExtID, err)
		}
		im.companyIDs[c.ExtID] = id
		im.tick()
	}
	return nil
}

// contacts replaces the contacts of every company named in the list: a
// contact has no identifier of its own, so the file is the whole truth.
func (im *importer) writeContacts(ctx context.Context, list []model.Contact, st *ImportStats) error {
	cleared := map[int64]bool{}
	for _, ct := range list {
		id, ok := im.companyIDs[ct.CompanyExtID]
		if !ok {
			return fmt.Errorf("contact %q: unknown company %q", ct.Name, ct.CompanyExtID)
		}
		if !cleared[id] {
			if _, err := im.tx.ExecContext(ctx, im.s.db.Rebind(`DELETE FROM contacts WHERE company_id = ?`), id); err != nil {
				return fmt.Errorf("replace contacts of %q: %w", ct.CompanyExtID, err)
			}
			cleared[id] = true
		}
		if _, err := im.tx.ExecContext(ctx, im.s.db.Rebind(`INSERT INTO contacts (company_id, name, role, email, phone)
			VALUES (?, ?, ?, ?, ?)`), id, ct.Name, ct.Role, ct.Email, ct.Phone); err != nil {
			return fmt.Errorf("write contact %q: %w", ct.Name, err)
		}
		st.Contacts++
	}
	return nil
}

func (im *importer) writeFlows(ctx context.Context, list []model.Flow, st *ImportStats) error {
	stmt, err := im.prepare(ctx, `INSERT INTO flows (territory_id, company_id, ext_id, direction, family, label,
			resource, resource_confidence, ewc, hazardous, quantity, unit, period, quality, available_from,
			available_until, cost_eur, treatment, visibility, attrs, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (territory_id, ext_id) DO UPDATE SET company_id = excluded.company_id,
			direction = excluded.direction, family = excluded.family, label = excluded.label,
			resource = excluded.resource, resource_confidence = excluded.resource_confidence,
			ewc = excluded.ewc, hazardous = excluded.hazardous, quantity = excluded.quantity,
			unit = excluded.unit, period = excluded.period, quality = excluded.quality,
			available_from = excluded.available_from, available_until = excluded.available_until,
			cost_eur = excluded.cost_eur, treatment = excluded.treatment, visibility = excluded.visibility,
			attrs = excluded.attrs, updated_at = excluded.updated_at
		RETURNING id`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, f := range list {
		companyID, ok := im.companyIDs[f.CompanyExtID]
		if !ok {
			return fmt.Errorf("flow %q: unknown company %q", f.ExtID, f.CompanyExtID)
		}
		if _, ok := im.flowIDs[f.ExtID]; ok {
			st.FlowsUpdated++
		} else {
			st.FlowsCreated++
		}
		var id int64
		if err := stmt.QueryRowContext(ctx, im.territoryID, companyID, f.ExtID, string(f.Direction), f.Family,
			f.Label, f.Resource, nullFloat(f.ResourceConfidence), f.EWC, f.Hazardous, nullFloat(f.Quantity),
			f.Unit, f.Period, f.Quality, f.AvailableFrom, f.AvailableUntil, nullFloat(f.CostEUR), f.Treatment,
			f.Visibility, encodeAttrs(f.Attrs), im.stamp).Scan(&id); err != nil {
			return fmt.Errorf("write flow %q: %w", f.ExtID, err)
		}
		im.flowIDs[f.ExtID] = id
		im.tick()
	}
	return nil
}

func (im *importer) ref(m map[string]int64, ext, what, synergy string) (any, error) {
	if ext == "" {
		return nil, nil
	}
	id, ok := m[ext]
	if !ok {
		return nil, fmt.Errorf("synergy %q: unknown %s %q", synergy, what, ext)
	}
	return id, nil
}

func (im *importer) writeSynergies(ctx context.Context, list []model.Synergy, st *ImportStats) error {
	stmt, err := im.prepare(ctx, `INSERT INTO synergies (territory_id, ext_id, type, status, output_flow_id,
			input_flow_id, output_company_id, input_company_id, resource, label, quantity, unit, period,
			started_on, attrs, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (territory_id, ext_id) DO UPDATE SET type = excluded.type, status = excluded.status,
			output_flow_id = excluded.output_flow_id, input_flow_id = excluded.input_flow_id,
			output_company_id = excluded.output_company_id, input_company_id = excluded.input_company_id,
			resource = excluded.resource, label = excluded.label, quantity = excluded.quantity,
			unit = excluded.unit, period = excluded.period, started_on = excluded.started_on,
			attrs = excluded.attrs, updated_at = excluded.updated_at
		RETURNING id`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, sy := range list {
		var refs [4]any
		for i, r := range []struct {
			m         map[string]int64
			ext, what string
		}{{im.flowIDs, sy.OutputFlowExtID, "output flow"}, {im.flowIDs, sy.InputFlowExtID, "input flow"},
			{im.companyIDs, sy.OutputCompExtID, "output company"}, {im.companyIDs, sy.InputCompExtID, "input company"}} {
			if refs[i], err = im.ref(r.m, r.ext, r.what, sy.ExtID); err != nil {
				return err
			}
		}
		prev, existed := im.synergies[sy.ExtID]
		if existed {
			st.SynergiesUpdated++
		} else {
			st.SynergiesCreated++
		}
		var id int64
		if err := stmt.QueryRowContext(ctx, im.territoryID, sy.ExtID, sy.Type, sy.Status, refs[0], refs[1],
			refs[2], refs[3], sy.Resource, sy.Label, nullFloat(sy.Quantity), sy.Unit, sy.Period, sy.StartedOn,
			encodeAttrs(sy.Attrs), im.stamp).Scan(&id); err != nil {
			return fmt.Errorf("write synergy %q: %w", sy.ExtID, err)
		}
		if err := im.members(ctx, id, sy); err != nil {
			return err
		}
		if !existed || prev.status != sy.Status {
			if _, err := im.tx.ExecContext(ctx, im.s.db.Rebind(`INSERT INTO synergy_events
				(synergy_id, at, from_status, to_status, note, actor) VALUES (?, ?, ?, ?, ?, ?)`),
				id, im.stamp, prev.status, sy.Status, "", im.opt.Actor); err != nil {
				return fmt.Errorf("record history of synergy %q: %w", sy.ExtID, err)
			}
		}
		im.synergies[sy.ExtID] = synergyState{id, sy.Status}
		im.tick()
	}
	return nil
}

func (im *importer) members(ctx context.Context, synergyID int64, sy model.Synergy) error {
	if _, err := im.tx.ExecContext(ctx, im.s.db.Rebind(`DELETE FROM synergy_companies WHERE synergy_id = ?`), synergyID); err != nil {
		return fmt.Errorf("replace members of synergy %q: %w", sy.ExtID, err)
	}
	for pos, ext := range sy.CompanyExtIDs {
		id, ok := im.companyIDs[ext]
		if !ok {
			return fmt.Errorf("synergy %q: unknown company %q", sy.ExtID, ext)
		}
		if _, err := im.tx.ExecContext(ctx, im.s.db.Rebind(`INSERT INTO synergy_companies (synergy_id, company_id, position)
			VALUES (?, ?, ?)`), synergyID, id, pos); err != nil {
			return fmt.Errorf("write members of synergy %q: %w", sy.ExtID, err)
		}
	}
	return nil
}

// Package demo loads "Grand Angoumois", a fictional but realistic territory
// around Angoulême: 68 companies with their flows written the way companies
// speak, the 2019 diagnostic campaign, two past bourses and one coming, and
// the synergies of a programme like the reference one (10 realised by mid-2021).
package demo

import (
	"context"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"symbiose/internal/dataset"
	"symbiose/internal/model"
	"symbiose/internal/programme"
	"symbiose/internal/storage"
)

//go:embed data/*.csv data/programme.json
var dataFS embed.FS

// TerritoryName is the demo territory's name.
const TerritoryName = "Grand Angoumois (démo)"

// ErrAlreadyLoaded is returned when the demo territory exists already.
var ErrAlreadyLoaded = errors.New("the demo territory is already loaded")

// Dataset returns the demo's companies, contacts, flows and synergies.
func Dataset(opt dataset.Options) (model.Dataset, error) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		return model.Dataset{}, err
	}
	ds, problems, err := dataset.ReadFS(sub, "demo", opt)
	if err != nil {
		return ds, err
	}
	if errs := problems.Errors(); len(errs) > 0 {
		return ds, fmt.Errorf("demo data: %v", errs[0])
	}
	return ds, nil
}

// Load writes the demo territory into the database and returns it.
func Load(ctx context.Context, st *storage.Storage, opt dataset.Options) (model.Territory, error) {
	if _, err := st.TerritoryByName(ctx, TerritoryName); err == nil {
		return model.Territory{}, ErrAlreadyLoaded
	} else if !errors.Is(err, storage.ErrNotFound) {
		return model.Territory{}, err
	}
	ds, err := Dataset(opt)
	if err != nil {
		return model.Territory{}, err
	}
	stats, err := st.ImportDataset(ctx, 0, ds, storage.ImportOptions{NewTerritory: TerritoryName, Actor: "demo"})
	if err != nil {
		return model.Territory{}, fmt.Errorf("load demo: %w", err)
	}
	tr, err := st.TerritoryByName(ctx, TerritoryName)
	if err != nil {
		return tr, err
	}
	if stats.TerritoryID != tr.ID {
		return tr, fmt.Errorf("load demo: territory id mismatch")
	}
	if err := loadCampaign(ctx, st, tr.ID); err != nil {
		return tr, err
	}
	if err := loadWorkshops(ctx, st, tr.ID); err != nil {
		return tr, err
	}
	if err := loadUpcomingBourse(ctx, st, tr.ID, time.Now()); err != nil {
		return tr, err
	}
	if err := loadProgramme(ctx, st, tr.ID); err != nil {
		return tr, err
	}
	return tr, datePipeline(ctx, st, tr.ID)
}

func readRows(name string) ([]map[string]string, error) {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil || len(recs) == 0 {
		return nil, fmt.Errorf("demo %s: %v", name, err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		out = append(out, row)
	}
	return out, nil
}

func loadCampaign(ctx context.Context, st *storage.Storage, territoryID int64) error {
	rows, err := readRows("campaign.csv")
	if err != nil {
		return err
	}
	var visits []model.CampaignVisit
	first, last := "9999", ""
	for _, r := range rows {
		pct, err := strconv.Atoi(r["completeness"])
		if err != nil {
			return fmt.Errorf("demo campaign.csv: completeness %q: %w", r["completeness"], err)
		}
		visits = append(visits, model.CampaignVisit{CompanyExtID: r["company_id"], VisitedOn: r["visited_on"],
			VisitedBy: r["visited_by"], Completeness: pct})
		first, last = min(first, r["visited_on"]), max(last, r["visited_on"])
	}
	_, err = st.CreateCampaign(ctx, model.Campaign{TerritoryID: territoryID, Name: "Diagnostics de flux 2019",
		StartedOn: first, EndedOn: last}, visits)
	return err
}

func loadProgramme(ctx context.Context, st *storage.Storage, territoryID int64) error {
	f, err := dataFS.Open("data/programme.json")
	if err != nil {
		return err
	}
	defer f.Close()
	p, err := programme.Parse(f)
	if err != nil {
		return fmt.Errorf("demo programme.json: %w", err)
	}
	return st.SetProgramme(ctx, territoryID, p)
}

func loadWorkshops(ctx context.Context, st *storage.Storage, territoryID int64) error {
	rows, err := readRows("workshops.csv")
	if err != nil {
		return err
	}
	for _, r := range rows {
		if _, err := st.CreateWorkshop(ctx, model.Workshop{TerritoryID: territoryID, ExtID: r["id"], Title: r["title"],
			Date: r["date"], Place: r["place"], CompanyExtIDs: strings.Split(r["company_ids"], ";")}); err != nil {
			return err
		}
	}
	return nil
}

// datePipeline gives each synergy a dated history ending at its current
// status, so that the demo's pipeline looks lived in: one step a month,
// reaching the current status on its start date.
func datePipeline(ctx context.Context, st *storage.Storage, territoryID int64) error {
	synergies, err := st.Synergies(ctx, territoryID)
	if err != nil {
		return err
	}
	for _, s := range synergies {
		end, err := time.Parse("2006-01-02", s.StartedOn)
		if err != nil {
			continue // undated: keep the import's event
		}
		steps := pathTo(s.Status)
		var events []model.SynergyEvent
		for i, status := range steps {
			from := ""
			if i > 0 {
				from = steps[i-1]
			}
			at := end.AddDate(0, i-len(steps)+1, 0)
			events = append(events, model.SynergyEvent{At: at, FromStatus: from, ToStatus: status, Actor: "Claire Martin"})
		}
		if err := st.ReplaceSynergyHistory(ctx, s.ID, events); err != nil {
			return err
		}
	}
	return nil
}

// pathTo lists the statuses a synergy went through to reach status.
func pathTo(status string) []string {
	if status == model.StatusAbandoned {
		return []string{model.StatusDetected, model.StatusQualified, model.StatusAbandoned}
	}
	for i, s := range model.Statuses {
		if s == status {
			return model.Statuses[:i+1]
		}
	}
	return []string{status}
}

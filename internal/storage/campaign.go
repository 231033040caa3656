package storage

import (
	"context"
	"database/sql"
	"fmt"

	"symbiose/internal/model"
)

// CreateCampaign adds a diagnostic campaign with its visits; visits name
// companies by dataset id.
func (s *Storage) CreateCampaign(ctx context.Context, c model.Campaign, visits []model.CampaignVisit) (model.Campaign, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.db.Rebind(`INSERT INTO campaigns (territory_id, name, started_on, ended_on)
			VALUES (?, ?, ?, ?) RETURNING id`), c.TerritoryID, c.Name, c.StartedOn, c.EndedOn).Scan(&c.ID); err != nil {
			return fmt.Errorf("create campaign %q: %w", c.Name, err)
		}
		for _, v := range visits {
			res, err := tx.ExecContext(ctx, s.db.Rebind(`INSERT INTO campaign_visits (campaign_id, company_id, visited_on, visited_by, completeness)
				SELECT ?, id, ?, ?, ? FROM companies WHERE territory_id = ? AND ext_id = ?`),
				c.ID, v.VisitedOn, v.VisitedBy, v.Completeness, c.TerritoryID, v.CompanyExtID)
			if err != nil {
				return fmt.Errorf("campaign %q: visit of %q: %w", c.Name, v.CompanyExtID, err)
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return fmt.Errorf("campaign %q: no company %q", c.Name, v.CompanyExtID)
			}
		}
		return nil
	})
	return c, err
}

// Campaigns returns the diagnostic campaigns of a territory, oldest first.
func (s *Storage) Campaigns(ctx context.Context, territoryID int64) ([]model.Campaign, error) {
	rows, err := s.query(ctx, `SELECT id, territory_id, name, started_on, ended_on FROM campaigns
		WHERE territory_id = ? ORDER BY started_on, id`, territoryID)
	if err != nil {
		return nil, fmt.Errorf("list campaigns: %w", err)
	}
	defer rows.Close()
	var out []model.Campaign
	for rows.Next() {
		var c model.Campaign
		if err := rows.Scan(&c.ID, &c.TerritoryID, &c.Name, &c.StartedOn, &c.EndedOn); err != nil {
			return nil, fmt.Errorf("list campaigns: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CampaignVisits returns the companies of a campaign with their visit.
func (s *Storage) CampaignVisits(ctx context.Context, campaignID int64) ([]model.CampaignVisit, error) {
	rows, err := s.query(ctx, `SELECT v.campaign_id, v.company_id, c.ext_id, v.visited_on, v.visited_by, v.completeness
		FROM campaign_visits v JOIN companies c ON c.id = v.company_id
		WHERE v.campaign_id = ? ORDER BY v.visited_on, c.ext_id`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("campaign %d visits: %w", campaignID, err)
	}
	defer rows.Close()
	var out []model.CampaignVisit
	for rows.Next() {
		var v model.CampaignVisit
		if err := rows.Scan(&v.CampaignID, &v.CompanyID, &v.CompanyExtID, &v.VisitedOn, &v.VisitedBy, &v.Completeness); err != nil {
			return nil, fmt.Errorf("campaign %d visits: %w", campaignID, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

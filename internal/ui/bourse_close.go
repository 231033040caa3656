package ui

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"symbiose/internal/bourse"
	symail "symbiose/internal/mail"
	"symbiose/internal/model"
	"symbiose/internal/storage"
	"symbiose/internal/synergy"
	"symbiose/internal/template"
	"symbiose/internal/workshop/printable"
)

// workshopClose launches a bourse's follow-up: every interest recorded
// becomes a detected synergy in the pipeline (one per card and interested
// company), and, the first time, each registered company is emailed its
// summary as a PDF. Interests recorded later are followed up by closing
// again.
func (u *UI) workshopClose(w http.ResponseWriter, r *http.Request) {
	t, user, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	created, err := u.followUpInterests(r, t, ws, user)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var links []introLink
	sent := 0
	if ws.ClosedAt == "" {
		if err := u.store.CloseWorkshop(r.Context(), ws.ID); err != nil {
			u.fail(w, r, err)
			return
		}
		if ws, err = u.store.Workshop(r.Context(), t.ID, ws.ID); err != nil {
			u.fail(w, r, err)
			return
		}
		if sent, links, err = u.sendSummaries(r, ws); err != nil {
			u.fail(w, r, err)
			return
		}
	}
	u.audit(r, user, t.ID, "follow up", "workshop", ws.ExtID, fmt.Sprintf("%d synergies, %d summaries", created, sent))
	u.showBourse(w, r, http.StatusOK, t, ws, func(d *bourseView) { d.Links, d.Sent = links, sent })
}

// followUpInterests creates the detected synergies of the interests not
// yet followed up and returns how many it created.
func (u *UI) followUpInterests(r *http.Request, t model.Territory, ws model.Workshop, user model.User) (int, error) {
	ctx := r.Context()
	interests, err := u.store.Interests(ctx, ws.ID)
	if err != nil {
		return 0, err
	}
	cards, err := u.store.Cards(ctx, ws.ID)
	if err != nil {
		return 0, err
	}
	companies, err := u.store.Companies(ctx, t.ID)
	if err != nil {
		return 0, err
	}
	byID := map[int64]model.Flow{}
	byExt := map[string]model.Flow{}
	for _, f := range cards {
		byID[f.ID], byExt[f.ExtID] = f, f
	}
	ext := map[int64]string{}
	for _, c := range companies {
		ext[c.ID] = c.ExtID
	}
	detected := bourse.Synergies(ws, interests, byID, ext)
	for _, d := range detected {
		s, err := u.store.CreateSynergy(ctx, d.Synergy, user.Email)
		if err != nil {
			return 0, err
		}
		if err := u.store.UpdateSynergyFollowUp(ctx, s.ID, storage.SynergyFollowUp{Nature: synergy.Nature(d.Synergy, byExt),
			Notes: d.Synergy.Notes}); err != nil {
			return 0, err
		}
		for _, id := range d.Interests {
			if err := u.store.LinkInterest(ctx, id, s.ID); err != nil {
				return 0, err
			}
		}
	}
	return len(detected), nil
}

// sendSummaries emails each registered company its summary; it returns
// how many left and the personal links (where the summary can be
// downloaded) of the companies it could not write to.
func (u *UI) sendSummaries(r *http.Request, ws model.Workshop) (int, []introLink, error) {
	parts, err := u.store.Participants(r.Context(), ws.ID)
	if err != nil {
		return 0, nil, err
	}
	src, err := u.summariesOf(r, ws)
	if err != nil {
		return 0, nil, err
	}
	l := lang(r)
	sent := 0
	var links []introLink
	for _, p := range parts {
		if p.Status != model.ParticipantRegistered {
			continue
		}
		link, _, err := u.participantLink(r, ws.ID, p.CompanyID)
		if err != nil {
			return 0, nil, err
		}
		if u.mailer != nil && p.Email != "" {
			var pdf bytes.Buffer
			if err := src.write(&pdf, p.CompanyID, p.CompanyName, l); err != nil {
				return 0, nil, err
			}
			msg := symail.Message{To: []string{p.Email}, Subject: fmt.Sprintf(template.T(l, "bourse.mail_summary_subject"), ws.Title),
				Text:        fmt.Sprintf(template.T(l, "bourse.mail_summary_body"), p.CompanyName, ws.Title, link),
				Attachments: []symail.Attachment{{Name: "synthese-" + ws.ExtID + ".pdf", ContentType: "application/pdf", Data: pdf.Bytes()}}}
			err := u.mailer.Send(r.Context(), msg)
			entry := storage.MailLogEntry{TerritoryID: ws.TerritoryID, Kind: "bourse_summary", SubjectKey: ws.ExtID,
				Email: p.Email, Subject: msg.Subject}
			if err != nil {
				entry.Error = err.Error()
			}
			if logErr := u.store.LogMail(r.Context(), entry); logErr != nil {
				u.log.Warn("mail log", "err", logErr)
			}
			if err == nil {
				sent++
				continue
			}
		}
		links = append(links, introLink{p.CompanyName, link})
	}
	return sent, links, nil
}

// summaries holds what the companies' summaries of a bourse are made of,
// read once however many are written.
type summaries struct {
	ws          model.Workshop
	cards       []model.Flow
	interests   []model.Interest
	facilitator string // the first facilitator, "Name <email>"
}

func (u *UI) summariesOf(r *http.Request, ws model.Workshop) (summaries, error) {
	ctx := r.Context()
	s := summaries{ws: ws}
	var err error
	if s.cards, err = u.store.Cards(ctx, ws.ID); err != nil {
		return s, err
	}
	if s.interests, err = u.store.Interests(ctx, ws.ID); err != nil {
		return s, err
	}
	staff, err := u.store.StaffOf(ctx, ws.ID)
	for _, st := range staff {
		if st.Role == model.StaffFacilitator && s.facilitator == "" {
			s.facilitator = st.Name
			if st.Email != "" {
				s.facilitator += " <" + st.Email + ">"
			}
		}
	}
	return s, err
}

// write writes a company's summary of the bourse as a PDF.
func (s summaries) write(w io.Writer, companyID int64, company, lang string) error {
	ws := s.ws
	out := printable.Summary{Event: printable.Event{Title: ws.Title, Date: ws.Date, Place: ws.Place}, Company: company,
		Facilitator: s.facilitator, Lang: lang}
	for _, f := range s.cards {
		if f.CompanyID != companyID {
			continue
		}
		if f.Direction == model.Output {
			out.Resources = append(out.Resources, f.Label)
		} else {
			out.Needs = append(out.Needs, f.Label)
		}
	}
	given, received := interestsOf(s.interests, companyID)
	for _, in := range given {
		out.Given = append(out.Given, summaryInterest(in))
	}
	for _, in := range received {
		out.Received = append(out.Received, summaryInterest(in))
	}
	_, err := printable.WriteSummary(w, out)
	return err
}

// writeSummary writes one participant's summary of a bourse as a PDF.
func (u *UI) writeSummary(r *http.Request, w io.Writer, ws model.Workshop, p model.Participant) error {
	s, err := u.summariesOf(r, ws)
	if err != nil {
		return err
	}
	return s.write(w, p.CompanyID, p.CompanyName, lang(r))
}

func summaryInterest(in model.Interest) printable.Interest {
	return printable.Interest{Round: in.Round, From: in.CompanyName, Owner: in.OwnerName, Card: in.CardLabel,
		Resource: in.CardDir == model.Output, Note: in.Note}
}

// workshopSummary lets the facilitator download a company's summary.
func (u *UI) workshopSummary(w http.ResponseWriter, r *http.Request) {
	_, _, ws, err := u.managedBourse(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	cid, err := strconv.ParseInt(r.PathValue("cid"), 10, 64)
	var p model.Participant
	if err == nil {
		p, err = u.store.Participant(r.Context(), ws.ID, cid)
	}
	if err != nil {
		u.fail(w, r, storage.ErrNotFound)
		return
	}
	var buf bytes.Buffer
	if err := u.writeSummary(r, &buf, ws, p); err != nil {
		u.fail(w, r, err)
		return
	}
	sendPDF(w, fmt.Sprintf("synthese-bourse-%d-%d.pdf", ws.ID, cid), buf.Bytes())
}

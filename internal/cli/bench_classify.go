package cli

import (
	"fmt"
	"os"
	"time"

	"symbiose/internal/nomenclature"
)

// benchClassify prints the classifier's accuracy and speed on labelled sets.
func benchClassify(e *env, args []string) error {
	fs := e.flags("bench classify", "[FILE.csv ...]", "Classifies every label of evaluation files (columns label, lang, ewc, expected, acceptable,\n"+
		"optional family) and prints rank-1 and rank-3 accuracy, by language, and the time per label.\n"+
		"Default: the sets under internal/nomenclature/testdata.")
	misses := fs.Bool("misses", false, "list the labels whose first answer is wrong")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		files = []string{"internal/nomenclature/testdata/classify_eval.csv", "internal/nomenclature/testdata/classify_holdout.csv"}
	}
	c := nomenclature.DefaultClassifier()
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		cases, err := nomenclature.ReadEvalCases(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		start := time.Now()
		res := c.Evaluate(cases)
		perLabel := time.Since(start) / time.Duration(max(len(cases), 1))
		fmt.Fprintf(e.stdout, "%s: %d labels\n  rank-1 %.3f   rank-3 %.3f   rank-1 counting acceptable answers %.3f\n",
			path, res.Cases, res.Rank1, res.Rank3, res.Rank1Acceptable)
		for _, lang := range []string{"fr", "en"} {
			fmt.Fprintf(e.stdout, "  %s: rank-1 %.3f   rank-3 %.3f\n", lang, res.ByLang[lang][0], res.ByLang[lang][1])
		}
		fmt.Fprintf(e.stdout, "  mean confidence: right first answers %.2f, wrong ones %.2f\n  %v per label\n",
			res.ConfidenceOfHits, res.ConfidenceOfMiss, perLabel)
		if *misses {
			for _, m := range res.Misses {
				got := "nothing"
				if len(m.Got) > 0 {
					got = fmt.Sprintf("%s (%.2f)", m.Got[0].Resource, m.Got[0].Confidence)
				}
				fmt.Fprintf(e.stdout, "  miss %q [%s] expected %s, got %s\n", m.Case.Label, m.Case.Lang, m.Case.Expected, got)
			}
		}
	}
	return nil
}

"""Questions from a fact sheet: templates per relation, wrong answers of the right kind."""

"""Member-led decisions: proposals, stances, outcomes and the decision log."""

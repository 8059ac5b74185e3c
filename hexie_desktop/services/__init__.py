"""Use cases: one user action = one function = one transaction = one audit entry."""

"""Signed, encrypted packages between townships and the district."""

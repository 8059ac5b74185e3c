"""Excel ledgers, statistics workbooks and Excel import."""

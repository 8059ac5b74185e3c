"""Qt item models over service queries (ids plus lazily fetched rows; plain record lists)."""

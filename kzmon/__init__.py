"""kzmon."""

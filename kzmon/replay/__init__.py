"""kzmon/replay."""

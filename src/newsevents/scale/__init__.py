"""scale stage."""

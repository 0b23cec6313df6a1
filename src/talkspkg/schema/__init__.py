"""Table models (the single source of truth) and what is derived from them."""

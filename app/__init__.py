"""The analyst's domain and use cases — no Qt here (DESIGN.md dependency rule)."""

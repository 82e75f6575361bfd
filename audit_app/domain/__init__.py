"""Plain domain model and rules: no SQLAlchemy, no Qt."""

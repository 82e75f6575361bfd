"""Persistence: SQLAlchemy models, the database file, Alembic migrations."""

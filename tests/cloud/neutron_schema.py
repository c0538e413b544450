#!/usr/bin/python3
"""Build Neutron's database schema on sqlite.

Why: Neutron's alembic migrations fail on sqlite ("No support for ALTER of
constraints in SQLite dialect"). Neutron's own unit tests build the schema
straight from the models instead; we do the same, and start.sh then runs
`neutron-db-manage stamp heads` so the DB is marked current.

Usage: neutron_schema.py <sqlalchemy url>
"""
import sys

import sqlalchemy

from neutron.db.migration.models import head


def main(url):
    engine = sqlalchemy.create_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    head.get_metadata().create_all(engine)
    print("neutron schema: %d tables" % len(head.get_metadata().tables))


if __name__ == "__main__":
    main(sys.argv[1])

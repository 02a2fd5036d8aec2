"""The DuckDB catalog file: one view per lake table, with absolute paths so it works from any folder.

Written to a temporary file and renamed into place, so a user with the old catalog open in a
shell keeps a consistent (older) view and the refresh never waits for their lock.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa

from flows.lake import Lake
from flows.schemas import COLUMNS, TABLES


def _sql_type(t: pa.DataType) -> str:
    if pa.types.is_list(t):
        return _sql_type(t.value_type) + "[]"
    return {
        pa.string(): "VARCHAR",
        pa.int32(): "INTEGER",
        pa.int64(): "BIGINT",
        pa.float32(): "FLOAT",
        pa.float64(): "DOUBLE",
        pa.date32(): "DATE",
        pa.bool_(): "BOOLEAN",
    }.get(t, "TIMESTAMPTZ" if pa.types.is_timestamp(t) else "VARCHAR")


def _quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


# Append-only tables whose view shows the latest row per key: `sources` gets a second row for a file
# that --reprocess or backfill reads again (the skip only needs the key; users want one row per file).
LATEST: dict[str, tuple[str, str]] = {"sources": ("source_key", "settled_at")}


def view_sql(lake: Lake, table: str) -> str:
    """A view over the table's Parquet files, or a typed empty view while it has none."""
    schema = TABLES[table]
    if lake.table_files(table):
        cols = ", ".join(f'"{n}"' for n in schema.names)
        latest = ""
        if table in LATEST:
            key, order = LATEST[table]
            latest = f' QUALIFY row_number() OVER (PARTITION BY "{key}" ORDER BY "{order}" DESC) = 1'
        return (
            f'CREATE OR REPLACE VIEW "{table}" AS SELECT {cols} FROM read_parquet({_quote(lake.glob(table))}, '
            f"hive_partitioning = true, union_by_name = true){latest}"
        )
    cols = ", ".join(f'CAST(NULL AS {_sql_type(f.type)}) AS "{f.name}"' for f in schema)
    return f'CREATE OR REPLACE VIEW "{table}" AS SELECT {cols} WHERE false'


def macros_sql() -> str:
    """Macros shipped by the reports package (reports/sql/_macros.sql), if any."""
    path = resources.files("reports").joinpath("sql/_macros.sql")
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def build_catalog(con: duckdb.DuckDBPyConnection, lake: Lake) -> None:
    """Define every view (and the shipped macros) on a connection: in a catalog file or in memory."""
    for table in TABLES:
        con.execute(view_sql(lake, table))
        con.execute(f"COMMENT ON VIEW \"{table}\" IS {_quote(table + ' table of the akhbar lake at ' + str(lake.root))}")
        for col, doc in COLUMNS[table].items():
            con.execute(f'COMMENT ON COLUMN "{table}"."{col}" IS {_quote(doc)}')
    macros = macros_sql()
    if macros.strip():
        con.execute(macros)


def refresh_catalog(lake: Lake, path: str | os.PathLike[str]) -> Path:
    target = Path(path).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        build_catalog(con, lake)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, target)
    Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return target

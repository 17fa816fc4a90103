"""Set-based writes Django has no single statement for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.db import connection, connections, models
from psycopg import ProgrammingError
from psycopg.pq import Format


def rows_update(model: type[models.Model], fields: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """Give each row its own values in one ``UPDATE … FROM (VALUES …)``; a row is ``(pk, *values of fields)``.

    ``bulk_update`` writes the same in one statement too, but as a CASE/WHEN per field and row, which costs
    more to build in Python than the write itself. The caller holds the rows' locks (or accepts the order in
    which PostgreSQL takes them). Returns the number of rows updated.
    """
    if not rows:
        return 0
    meta = model._meta
    columns = [cast("models.Field[Any, Any]", field) for field in [meta.pk, *map(meta.get_field, fields)]]
    casts = [f"%s::{column.db_type(connection)}" for column in columns]
    row_sql = "(" + ", ".join(casts) + ")"
    params = [column.get_db_prep_value(value, connection)
              for row in rows for column, value in zip(columns, row, strict=True)]
    names = [connection.ops.quote_name(column.column or "") for column in columns]
    assignments = ", ".join(f"{name} = v.{name}" for name in names[1:])
    table = connection.ops.quote_name(meta.db_table)
    sql = (f"UPDATE {table} SET {assignments} FROM (VALUES {', '.join([row_sql] * len(rows))}) "  # noqa: S608
           f"AS v({', '.join(names)}) WHERE {table}.{names[0]} = v.{names[0]}")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def rows_copy(model: type[models.Model], objs: Sequence[models.Model], *, binary: bool = False) -> None:
    """Insert new objects with one ``COPY``, their ids drawn from the table's sequence first; sets ``pk``.

    For rows whose values are bulky (files' bytes): COPY sends them as they are, where a multi-row INSERT has
    them quoted into the statement and parsed back, which costs about twice as long. Every concrete field is
    written as ``bulk_create`` would write it (``pre_save``: auto_now dates, defaults already on the object).

    ``binary``: COPY in PostgreSQL's binary format, which the server takes in without parsing text, for bulk
    loads of many rows (the synthetic events: parsing tsvectors' text took most of the server's time). A
    column of a type psycopg has no binary dumper for (``tsvector``) then takes its value already in that
    type's binary format (bytes as its ``*_recv`` function reads them), and the bytes go as they are.
    """
    if not objs:
        return
    meta = model._meta
    fields = list(meta.concrete_fields)
    # The wrapper itself rather than the ``connection`` proxy: each field's preparation asks it for its ops and
    # features, and through the proxy each of those is a thread-local lookup (a sixth of a large COPY's time).
    db = connections[connection.alias]
    quote = db.ops.quote_name
    with db.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [meta.db_table, meta.pk.column if meta.pk else "id", len(objs)])
        for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
            obj.pk = pk
        sql = f"COPY {quote(meta.db_table)} ({', '.join(quote(field.column or '') for field in fields)}) FROM STDIN"
        types = _binary_types(cursor, meta.db_table, fields) if binary else None
        with db.wrap_database_errors, cursor.copy(sql + (" (FORMAT BINARY)" if binary else "")) as copy:
            if types is not None:
                copy.set_types(types)
            for obj in objs:
                copy.write_row([field.get_db_prep_save(field.pre_save(obj, add=True), db) for field in fields])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = db.alias


def _binary_types(cursor: Any, table: str, fields: Sequence[models.Field[Any, Any]]) -> list[int]:
    """The type of each field's column as the table has it (a binary COPY must send exactly that type; an
    array's elements too), or ``bytea`` where psycopg cannot dump the type: its bytes then go unchanged."""
    cursor.execute("SELECT attname, atttypid FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                   "AND NOT attisdropped", [table])
    oids = dict(cursor.fetchall())
    adapters = cursor.connection.adapters
    types = []
    for field in fields:
        oid = oids[field.column]
        try:
            adapters.get_dumper_by_oid(oid, Format.BINARY)
        except ProgrammingError:
            oid = adapters.types["bytea"].oid
        types.append(oid)
    return types

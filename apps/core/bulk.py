"""Set-based writes Django has no single statement for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.db import connection, models


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


def rows_copy(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    """Insert new objects with one ``COPY``, their ids drawn from the table's sequence first; sets ``pk``.

    For rows whose values are bulky (files' bytes): COPY sends them as they are, where a multi-row INSERT has
    them quoted into the statement and parsed back, which costs about twice as long. Every concrete field is
    written as ``bulk_create`` would write it (``pre_save``: auto_now dates, defaults already on the object).
    """
    if not objs:
        return
    meta = model._meta
    fields = list(meta.concrete_fields)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [meta.db_table, meta.pk.column if meta.pk else "id", len(objs)])
        for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
            obj.pk = pk
        sql = f"COPY {quote(meta.db_table)} ({', '.join(quote(field.column or '') for field in fields)}) FROM STDIN"
        with connection.wrap_database_errors, cursor.copy(sql) as copy:  # IntegrityError as for an INSERT
            for obj in objs:
                copy.write_row([field.get_db_prep_save(field.pre_save(obj, add=True), connection) for field in fields])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias

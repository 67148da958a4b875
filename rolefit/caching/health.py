from django.db import InterfaceError, OperationalError, connection


def first_query_checks_connection(query):
    """Runs `query` (a request's first database query) as the connection's health check.

    Django's CONN_HEALTH_CHECKS would send its own `SELECT 1` first: a second round trip
    on every request. Here the query itself shows whether a reused connection still
    works; one broken by a database restart is dropped and the query retried once on a
    new connection, which raises if the database is really down.
    """
    reused = connection.connection is not None and not connection.health_check_done
    connection.health_check_done = True
    try:
        return query()
    except (OperationalError, InterfaceError):
        if not reused:
            raise
        connection.close()
        return query()

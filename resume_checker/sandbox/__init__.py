"""Work in child processes that time and memory limits hold, and whose crash costs one task.

``worker`` is the one isolated worker (a child with a pipe, its limits, crash -> plain reason);
``pool`` runs a batch over many of them, ``persistent`` keeps them for a server, and ``forked``
runs one call in a plain fork.  Used by the isolated parse (documents), the batch, the web app and
the Dask backend alike; imports nothing above errors and the standard library.
"""

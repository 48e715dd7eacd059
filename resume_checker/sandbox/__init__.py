"""Work in child processes that time and memory limits hold, and whose crash costs one task.

Used by the isolated parse (documents), the batch, the web app and the Dask backend alike.
"""

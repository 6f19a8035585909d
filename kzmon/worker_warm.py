"""Imported by the processing pool's fork server: its import is the workers' warm-up.

With the "forkserver" start method (kzmon/processing.py WorkerPool, Linux), multiprocessing
starts one clean server process (a fresh interpreter: no reactor, no SQLite handle) and forks
every worker from it. Importing this module there (`set_forkserver_preload`) pays the imports
of trafilatura, the extractor, the stemmer and dedup, and their first-page set-up, once for the
whole pool; each worker is then a cheap fork of an already warm process instead of a new
interpreter paying about a second of its own.
"""
import gc

from kzmon.processing import _warm

_warm()
# What the warm-up left is moved out of the collector's sight: a worker's collections would
# otherwise write to every inherited object's header and copy the server's pages one by one
# (copy-on-write), costing the workers memory and time for nothing.
gc.freeze()

"""Unit tests of the teaching package `neuron` (numerics, errors, plots, stdlib-only, Pyodide parity)."""

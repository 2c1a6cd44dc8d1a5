"""Exports: offline HTML, static figures, data tables."""

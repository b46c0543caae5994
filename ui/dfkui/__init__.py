"""Presentation helpers of the explorer: the shared graph, URL state, HTML snippets. No answers are computed here."""

"""Deepfake Platform Liability Knowledge Graph: load → reason → ask → query → publish."""

__version__ = "0.1.0"

"""Renderers: process diagrams, the legend and the handbook's pages."""

"""Shared data: the catalogue of the 52 resources, templates, translations, fonts."""

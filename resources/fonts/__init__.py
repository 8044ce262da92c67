"""DejaVu Sans, shipped so Kazakh letters render on any workstation (ui/fonts.py)."""

"""The controller's and the prosecutor's entries into the window (issue 13)."""

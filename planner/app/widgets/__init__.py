"""The panes of the main screen, one widget each, and the header line above them."""

"""``python -m bahith`` runs the command-line tool."""

from bahith.cli import main

main()

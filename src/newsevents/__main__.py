"""`python -m newsevents` is the `newsevents` command."""

from newsevents.cli import main

main()

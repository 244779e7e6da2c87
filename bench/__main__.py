"""`python -m bench`: the whole benchmark (same as `python -m bench.run`)."""

from bench.run import main

raise SystemExit(main())

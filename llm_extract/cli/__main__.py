"""``python -m llm_extract.cli``."""

import sys

from . import main

sys.exit(main())

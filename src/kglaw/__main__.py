"""``python -m kglaw``. A Ctrl-C that arrives while the modules load ends quietly too (exit 130)."""

import sys

try:
    from .cli import main
except KeyboardInterrupt:  # nothing has been written yet
    sys.stderr.write("kglaw: interrupted; outputs left as they were\n")
    sys.exit(130)

main()

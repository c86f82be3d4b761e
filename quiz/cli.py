"""The ``quiz`` command: parses arguments and hands over to one command module.

Each module in quiz/commands/ has HELP, ``configure(parser)`` and ``run(args) -> int``,
and imports anything heavy inside ``run`` so that start-up stays fast. A command stops on
what the user can fix by raising a UserError: ``main`` reports it, the only place that does,
on stderr, and returns its exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING

from quiz import __version__
from quiz.commands.common import why_line_mode
from quiz.commands.output import finish_output, prepare_streams, warn
from quiz.core.limits import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS
from quiz.core.problems import UserError
from quiz.core.text import terminal_safe

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

# Command name -> module; the order is the order of ``quiz --help``.
COMMANDS = {
    "validate": "quiz.commands.validate",
    "packs": "quiz.commands.packs",
    "play": "quiz.commands.play",
    "scores": "quiz.commands.scores",
    "facts": "quiz.commands.facts",
    "generate": "quiz.commands.generate",
    "check": "quiz.commands.check",
    "import": "quiz.commands.import_",
    "export": "quiz.commands.export",
    "new": "quiz.commands.new",
}


def command_module(name: str) -> ModuleType:
    return importlib.import_module(COMMANDS[name])


class ArgumentParser(argparse.ArgumentParser):
    """argparse's own messages (usage, its errors, which quote the argument) made safe for
    the terminal too, as every other line of ours is."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(terminal_safe(message), file)


def build_parser() -> argparse.ArgumentParser:
    # Accepted before or after the command: `quiz --data-dir D packs`, `quiz packs --data-dir D`.
    shared = ArgumentParser(add_help=False)
    shared.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="folder for scores, settings and user packs "
        "(default: $QUIZ_DATA_DIR, else the platform's user data folder)",
    )
    parser = ArgumentParser(
        prog="quiz",
        description="A terminal trivia game whose questions can prove their answers.",
        parents=[shared],
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = command_module(name)
        sub = subcommands.add_parser(
            name, help=module.HELP, description=module.HELP, parents=[shared]
        )
        module.configure(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        prepare_streams()
    except UserError as error:
        return _report(error)
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    if not hasattr(args, "data_dir"):
        args.data_dir = None
    try:
        if args.command is None:
            if not sys.stdin.isatty() or not sys.stdout.isatty():
                parser.print_help()
                return EXIT_OK
            if why_line_mode() is not None:  # a terminal that cannot show the app
                return main([*argv, "play"])
            from quiz.tui.app import run_app

            return run_app(args.data_dir)
        result: int = args.run(args)
        finish_output()
        return result
    except UserError as error:
        return _report(error)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`quiz packs | head`): nothing more to say, and no traceback.
        sys.stderr.close()
        return EXIT_PROBLEMS


def _report(error: UserError) -> int:
    """The one place a user's error is told: its lines on stderr, then its exit code."""
    for line in error.lines():
        warn(line)
    return error.exit_code

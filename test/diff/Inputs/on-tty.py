#!/usr/bin/env python3
# ===- on-tty.py - run a command on a pseudo-terminal, answering prompts ---===#
#
#   on-tty.py [--answer TEXT]... -- COMMAND...
#
# Runs COMMAND with stdin, stdout and stderr on a pseudo-terminal, sends the
# next --answer (and a newline) each time a "[y/N] " prompt appears, then
# prints everything the command wrote, with \r\n turned into \n, and its
# exit code. Tests `--interactive`, which asks only on a terminal.
#
# ===------------------------------------------------------------------------===#
import argparse
import os
import pty
import sys

PROMPT = b"[y/N] "


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--answer", action="append", default=[])
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    answers = list(args.answer)
    output = b""
    prompts = 0
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the command closed the terminal
            break
        if not chunk:
            break
        output += chunk
        while output.count(PROMPT) > prompts:
            prompts += 1
            answer = answers.pop(0) if answers else ""
            os.write(fd, answer.encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    text = output.decode(errors="replace").replace("\r\n", "\n")
    sys.stdout.write(text)
    print(f"exit code: {os.waitstatus_to_exitcode(status)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

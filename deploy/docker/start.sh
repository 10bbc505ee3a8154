#!/bin/sh
# The images' entrypoint: runs the process's TypeScript entry with tsx. `exec` makes node
# PID 1's only process, so SIGTERM reaches it and close-with-grace shuts it down gracefully.
set -eu
entry="$("$(dirname "$0")/process.sh" entry)"
exec node --import tsx "$entry" "$@"

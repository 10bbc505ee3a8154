#!/bin/sh
# What each image runs: `process.sh workspace|entry|port` for $PROCESS (the image's build
# argument). The Dockerfile installs the workspace's production dependencies; the image
# runs the entry; the health check calls the port's /health.
set -eu
case "${PROCESS:?PROCESS is not set}" in
  gateway) workspace=gateway entry=gateway/src/cli.ts port=4000 ;;
  users) port=4001 ;;
  movies) port=4002 ;;
  reviews) port=4003 ;;
  watchlists) port=4004 ;;
  bookings) port=4005 ;;
  payments) port=4006 ;;
  notifications) port=4007 ;;
  recommendations) port=4008 ;;
  migrate) workspace=packages/migrator entry=packages/migrator/src/cli.ts port= ;;
  *) echo "unknown process: $PROCESS" >&2; exit 64 ;;
esac
workspace="${workspace:-subgraphs/$PROCESS}"
entry="${entry:-subgraphs/$PROCESS/src/index.ts}"
case "${1:-}" in
  workspace) echo "$workspace" ;;
  entry) echo "$entry" ;;
  port) echo "${PORT:-$port}" ;;
  *) echo "usage: process.sh workspace|entry|port" >&2; exit 64 ;;
esac

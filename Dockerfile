# syntax=docker/dockerfile:1
# One Dockerfile, one small image per process, chosen by the PROCESS build argument:
#   docker build --build-arg PROCESS=users -t cinegraph/users .
# PROCESS: gateway users movies reviews watchlists bookings payments notifications
#          recommendations migrate
# (docker-compose.yml builds them all; docs/operations.md).
ARG NODE_IMAGE=node:20.19-bookworm-slim

# Every dependency, to generate the Prisma clients (the prisma CLI is a dev dependency).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund \
 && npm run generate \
 && mkdir -p /patched/@apollo && cp -R node_modules/@apollo/query-planner /patched/@apollo/ \
 && mkdir /generated \
 && for dir in subgraphs/*/src/generated; do mkdir -p "/generated/$dir" && cp -R "$dir/." "/generated/$dir/"; done

# The process's own workspace with its production dependencies only (the lockfile's
# versions; manifests without devDependencies, see production-manifests.mjs), and the
# generated Prisma clients; no dev dependencies, no build tools.
FROM ${NODE_IMAGE} AS runtime
ARG PROCESS
ENV PROCESS=${PROCESS} \
    NODE_ENV=production \
    HOST=0.0.0.0 \
    LOG_FORMAT=json \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY --chown=node:node . .
RUN workspace="$(deploy/docker/process.sh workspace)" \
 && node deploy/docker/production-manifests.mjs \
 && npm install --omit=dev --ignore-scripts --no-audit --no-fund --workspace="$workspace" \
 && npm cache clean --force \
 && mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /generated/ ./
# npm install ran without scripts, so without patches/: the gateway's query planner is
# taken from the build stage, where `npm ci` applied them (docs/gateway.md).
COPY --from=build --chown=node:node /patched/ /tmp/patched/
RUN if [ -d node_modules/@apollo/query-planner ]; then \
      rm -rf node_modules/@apollo/query-planner && cp -R /tmp/patched/@apollo/query-planner node_modules/@apollo/; \
    fi && rm -rf /tmp/patched
USER node
EXPOSE 4000-4008
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=3 \
  CMD ["node", "deploy/docker/healthcheck.mjs"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["deploy/docker/start.sh"]

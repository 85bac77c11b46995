# syntax=docker/dockerfile:1
# One image for the four services; the command picks the service:
#   docker run salur node dist/apps/intake/src/main.js      (or routing, sla, notification)
#   docker run salur node dist/apps/intake/src/migrate.js   (the schema migration, run first)

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
COPY tools/scripts ./tools/scripts
COPY tools/cli ./tools/cli
COPY bench ./bench
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# The `node` user (uid 1000) owns nothing in /app: the root filesystem can be mounted read-only.
USER node
EXPOSE 3001 3002 3003 3004
CMD ["node", "dist/apps/intake/src/main.js"]

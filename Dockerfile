# Attest's API and worker: one image, two commands (docs/operations.md, "Containers").
#   docker build -t attest .
#   docker run -e DATABASE_URL=… -e REDIS_URL=… -e ATTEST_HASH_KEY=… -p 3000:3000 attest
#   docker run --no-healthcheck -e … attest node dist/apps/worker/src/main.js
# Both stages run the commands CI runs: npm ci, npm run build.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run console:build

# Production dependencies only: swc, jest and the other devDependencies are needed to build, not to run.
FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY policies ./policies
COPY bin ./bin
USER node
EXPOSE 3000
# Node's own fetch: the slim image has no curl. The worker serves no HTTP: run it with --no-healthcheck.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]

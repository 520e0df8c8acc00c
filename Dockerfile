# Container image for the ipplan Slack assistant.
#
#   docker build -t ipplan .
#   docker run -d --name ipplan -p 3000:3000 -v ipplan-data:/data \
#     -e SLACK_BOT_TOKEN=xoxb-… -e SLACK_SIGNING_SECRET=… ipplan          # HTTP mode
#   (or -e SLACK_APP_TOKEN=xapp-… instead of the signing secret for Socket Mode, or all of them
#   from a file: --env-file .env, with DATA_DIR left unset as .env.example leaves it)
#   docker run --rm ipplan node dist/cli.js ask "商标审查周期要控制在多久？"
#
# Stages: `deps` (production node_modules, native addons compiled from source, build tools then
# deleted) and `build` (TypeScript bundled into dist/ by esbuild) both run on the full Debian image
# of Node.js 24, which has python3, make and g++; `runtime` is the slim image with only what the
# app reads at run time. No secrets are baked in:
# Slack settings come from the environment at `docker run`, and .env never enters the context.
#
# Base tags are written out (no ARG in FROM) so that tooling which reads them literally works.

# ---- deps: production dependencies, native addons built from source --------------------------
# Cached on package.json, package-lock.json and the prune script only, so editing src/ never
# recompiles the addons.
FROM node:24-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prune-build-only.mjs ./scripts/
# 1. Install production dependencies without lifecycle scripts: the root `prepare` (tsc) needs
#    dev dependencies that are absent here, and the addons are built explicitly in step 2.
# 2. Build the two addons (the ones package.json#allowScripts approves) from source with the
#    node-gyp that npm bundles, against the headers shipped with this Node when present. Calling
#    node-gyp directly skips their install scripts, which would first try GitHub for prebuilt
#    binaries, so only the npm registry has to be reachable.
# 3. Delete what only fetched or compiled the addons (node-pre-gyp and its tar, prebuild-install
#    and its tar-fs, node-addon-api) and everything nothing else needs; the script then loads
#    every remaining dependency (scripts/prune-build-only.mjs).
# 4. Smoke-test that both addons load (nodejieba's jieba dictionary is still complete here).
# 5. Drop what only the compilers needed: object files, sources, the SQLite amalgamation,
#    cppjieba's sources and tests. Of cppjieba's dictionaries only jieba.dict.utf8 is kept: the
#    app segments with index/dictionary.utf8, and needs jieba's own dictionary only to rebuild
#    the index in memory if the prebuilt one in index/ is ever stale.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")" \
 && nodedir="" && if [ -f "$prefix/include/node/node.h" ]; then nodedir="--nodedir=$prefix"; fi \
 && gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js" \
 && for pkg in better-sqlite3 nodejieba; do \
      (cd "node_modules/$pkg" && node "$gyp" rebuild --release $nodedir --loglevel=warn) || exit 1; \
    done \
 && node scripts/prune-build-only.mjs \
 && node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get(); \
             if (require('nodejieba').cut('知识产权战略').length === 0) process.exit(1)" \
 && for pkg in better-sqlite3 nodejieba; do \
      dir="node_modules/$pkg"; mkdir "/tmp/$pkg"; \
      mv "$dir/build/Release/"*.node "/tmp/$pkg/"; \
      rm -rf "$dir/build" "$dir/deps" "$dir/src" "$dir/test"; \
      mkdir -p "$dir/build/Release"; mv "/tmp/$pkg/"*.node "$dir/build/Release/"; \
    done \
 && rm -f node_modules/better-sqlite3/build/Release/test_extension.node \
 && jieba=node_modules/nodejieba/submodules/cppjieba/dict \
 && mv "$jieba/jieba.dict.utf8" /tmp/ \
 && rm -rf node_modules/nodejieba/submodules node_modules/nodejieba/lib \
 && mkdir -p "$jieba" && mv /tmp/jieba.dict.utf8 "$jieba/"

# ---- build: bundle the TypeScript (src/ → dist/) -------------------------------------------------
# All dependencies (esbuild is a dev dependency); no install scripts are needed to bundle, so none
# run (esbuild's platform binary comes as an optional dependency, not from a script). The npm ci
# layer is cached on the lockfile. dist/ holds main.js, cli.js and their shared chunks; the native
# addons stay in node_modules.
FROM node:24-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# ---- runtime: slim image, non-root, state in the /data volume ------------------------------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
# A dedicated user with a fixed numeric id (10001 collides neither with the official image's
# `node` user, uid 1000, nor with system ids), and the state directory it owns. Declaring USER by
# number lets orchestrators check runAsNonRoot. Falls back to editing passwd/group directly on a
# base without the shadow tools.
RUN if command -v useradd >/dev/null 2>&1; then \
      groupadd --gid 10001 ipplan \
      && useradd --uid 10001 --gid ipplan --home-dir /nonexistent --no-create-home \
           --shell /usr/sbin/nologin ipplan; \
    else \
      echo 'ipplan:x:10001:' >> /etc/group \
      && echo 'ipplan:x:10001:10001:ipplan:/nonexistent:/usr/sbin/nologin' >> /etc/passwd; \
    fi \
 && mkdir -p /data && chown 10001:10001 /data && chmod 0750 /data
# What the app reads at run time, least often changed first; all owned by root and read-only to
# the app. node_modules/nodejieba/package.json and node_modules/minisearch/package.json are part
# of the index fingerprint; seeds/ holds the plan text and the lexicons.
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY seeds ./seeds
COPY index ./index
COPY --from=build /app/dist ./dist
# Declared after the chown so a fresh named volume starts out owned by the app user.
VOLUME ["/data"]
USER 10001:10001
EXPOSE 3000
# /healthz answers 200 once ready and 503 while starting or stopping, in HTTP and Socket Mode
# alike. Uses Node's fetch, since the slim image has neither curl nor wget.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself; the app stops gracefully and exits 0.
# A 4 MB young generation (V8's default is 16 MB) and a 128 MB old generation (three times the
# live heap) keep the resident set under 150 MB under load; `npm start` runs it the same way.
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=128", "dist/main.js"]

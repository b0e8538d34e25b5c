# Broadsheet: news articles in, JSON API out.
#
#   docker build -t broadsheet .
#   docker run --rm -p 8080:8080 broadsheet
#   docker run --rm -p 8080:8080 -v "$PWD/articles:/srv/broadsheet/corpus:ro" broadsheet
#   docker run --rm -p 8080:8080 -v broadsheet-data:/var/lib/broadsheet \
#       -e BROADSHEET_API_KEYS=change-me broadsheet          # writes enabled, data kept
#
# Stage 1 builds a release binary with the Swift standard library and Foundation linked in
# statically; stage 2 is a slim Debian with only the shared libraries that binary still needs.

FROM swift:6.3.1-bookworm AS build
WORKDIR /build

# Resolve dependencies in their own layer so that source edits do not fetch them again.
COPY Package.swift ./
RUN swift package resolve

COPY Sources ./Sources
COPY Benchmarks/Sources ./Benchmarks/Sources
COPY Fuzz ./Fuzz
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product broadsheet

# Stage the binary with its resource bundles (lexicons, openapi.yaml, the explorer), which Bundle.module
# looks for next to the executable.
WORKDIR /staging
RUN cp "$(swift build --package-path /build -c release --show-bin-path)/broadsheet" ./ \
    && find -L "$(swift build --package-path /build -c release --show-bin-path)/" \
        -maxdepth 1 -name '*.resources' -exec cp -R {} ./ \;

FROM debian:bookworm-slim

# ldd of a --static-swift-stdlib build lists libc, libm, libstdc++, libgcc_s (C++ runtime of the
# static Swift runtime) and libz (gzip responses); no libcurl (the client is not in the server).
# libsqlite3 is the embedded database (GRDB links the system SQLite). tzdata serves time zone look-ups.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libstdc++6 zlib1g libsqlite3-0 tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 broadsheet \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin broadsheet \
    && mkdir -p /var/lib/broadsheet \
    && chown 10001:10001 /var/lib/broadsheet

COPY --from=build /staging /opt/broadsheet
COPY seeds /srv/broadsheet/corpus

ENV PATH="/opt/broadsheet:${PATH}" \
    BROADSHEET_HOST=0.0.0.0 \
    BROADSHEET_PORT=8080 \
    BROADSHEET_CORPUS=/srv/broadsheet/corpus \
    BROADSHEET_DATA=/var/lib/broadsheet

# Mount a folder of articles at /srv/broadsheet/corpus to import your own corpus; the database and
# saved state live on the data volume, so articles written over HTTP survive the container.
VOLUME ["/srv/broadsheet/corpus", "/var/lib/broadsheet"]

USER 10001:10001
WORKDIR /srv/broadsheet
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["broadsheet", "healthcheck", "--url", "http://127.0.0.1:8080/healthz"]

ENTRYPOINT ["broadsheet"]
CMD ["serve"]

# Broadsheet: news articles in, JSON API out.
#
#   docker build -t broadsheet .
#   docker run --rm -p 8080:8080 broadsheet
#   docker run --rm -p 8080:8080 -v "$PWD/articles:/srv/broadsheet/corpus:ro" broadsheet
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
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product broadsheet

# Stage the binary with its resource bundles (lexicons, openapi.yaml), which Bundle.module
# looks for next to the executable.
WORKDIR /staging
RUN cp "$(swift build --package-path /build -c release --show-bin-path)/broadsheet" ./ \
    && find -L "$(swift build --package-path /build -c release --show-bin-path)/" \
        -maxdepth 1 -name '*.resources' -exec cp -R {} ./ \;

FROM debian:bookworm-slim

# ldd of a --static-swift-stdlib build lists libc, libm, libstdc++, libgcc_s (C++ runtime of the
# static Swift runtime) and libz (gzip responses); no libcurl (the client is not in the server).
# tzdata serves time zone look-ups.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libstdc++6 zlib1g tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 broadsheet \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin broadsheet

COPY --from=build /staging /opt/broadsheet
COPY seeds /srv/broadsheet/corpus

ENV PATH="/opt/broadsheet:${PATH}" \
    BROADSHEET_HOST=0.0.0.0 \
    BROADSHEET_PORT=8080 \
    BROADSHEET_CORPUS=/srv/broadsheet/corpus

# Mount a folder of articles here to serve your own corpus.
VOLUME ["/srv/broadsheet/corpus"]

USER 10001:10001
WORKDIR /srv/broadsheet
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["broadsheet", "healthcheck", "--url", "http://127.0.0.1:8080/healthz"]

ENTRYPOINT ["broadsheet"]
CMD ["serve"]

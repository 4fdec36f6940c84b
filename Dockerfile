# syntax=docker/dockerfile:1
# ContactCenter.Ingest as a container: multi-stage on Microsoft's .NET images, a non-root user, Tesseract with the
# Italian data, a read-only root file system (data volume, /tmp as tmpfs) and a HEALTHCHECK on /health.
#   docker build -t contactcenter .
#   docker compose up -d            (compose.yaml: the service, its intake folders and PostgreSQL)
# .NET 10 ships no Debian images; Ubuntu 24.04 (noble) has the same Tesseract 5 / Leptonica libraries
# (libtesseract.so.5, liblept.so.5) that the OCR binding loads.
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
WORKDIR /src
# Restore first, in its own layer: it changes only when a project or a package version changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Core/ContactCenter.Core.csproj src/Core/
COPY src/Channels/ContactCenter.Channels.csproj src/Channels/
COPY src/WebForm/ContactCenter.WebForm.csproj src/WebForm/
COPY src/Stores/PostgreSql/ContactCenter.Stores.PostgreSql.csproj src/Stores/PostgreSql/
COPY src/Ml/ContactCenter.Ml.csproj src/Ml/
COPY src/Workers/ContactCenter.Workers.csproj src/Workers/
RUN dotnet restore src/Workers/ContactCenter.Workers.csproj
COPY src/ src/
RUN dotnet publish src/Workers/ContactCenter.Workers.csproj -c Release --no-restore -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble AS runtime
# Tesseract (Italian and English: the default Ocr:Languages is "ita+eng"; osd for orientation) and Leptonica for the
# in-process OCR, libtiff for faxes, poppler's pdftoppm for scanned PDFs. Nothing else: no shell tools are needed by
# the service or its health check.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libtesseract5 liblept5 libtiff6 libgomp1 tesseract-ocr-ita tesseract-ocr-eng tesseract-ocr-osd poppler-utils \
 && rm -rf /var/lib/apt/lists/*
# A system user of its own with a fixed numeric id (runAsNonRoot can check it), no home and no login shell.
RUN groupadd --system --gid 10001 contactcenter \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin contactcenter \
 && mkdir -p /var/lib/contactcenter /srv/intake/mail /srv/intake/scans \
 && chown 10001:10001 /var/lib/contactcenter /srv/intake/mail /srv/intake/scans \
 && chmod 0750 /var/lib/contactcenter
# The application and its configuration belong to root and are read-only for the service.
COPY --from=build --chown=root:root --chmod=0555 /app /app
COPY --chown=root:root --chmod=0444 install/container/appsettings.json /etc/contactcenter/appsettings.json
# Same values as install/container/contactcenter.env. HOME points nowhere: nothing may be written under it.
ENV OMP_THREAD_LIMIT=1 \
    DOTNET_gcServer=0 \
    DOTNET_EnableDiagnostics=0 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    TMPDIR=/tmp \
    HOME=/nonexistent \
    CREDENTIALS_DIRECTORY=/run/secrets \
    ContactCenter__Store__DataDirectory=/var/lib/contactcenter
VOLUME ["/var/lib/contactcenter"]
WORKDIR /var/lib/contactcenter
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["/app/contactcenter", "health", "--config", "/etc/contactcenter/appsettings.json"]
# SIGTERM lets in-flight items finish (ContactCenter:Pipeline:ShutdownTimeout, 1 min): give the stop as long.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/contactcenter"]
CMD ["run", "--config", "/etc/contactcenter/appsettings.json"]

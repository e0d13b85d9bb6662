# EnvGis server image. Build: docker build -t envgis . (the portal is bundled in the build stage).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cd src/EnvGis.Portal && npm ci --no-audit --no-fund && npm run build
RUN dotnet publish src/EnvGis.Server -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ENVGIS_URLS=http://0.0.0.0:5080 \
    ENVGIS_DATA_DIR=/var/lib/envgis
VOLUME /var/lib/envgis
EXPOSE 5080
USER app
ENTRYPOINT ["dotnet", "EnvGis.Server.dll"]

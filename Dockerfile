# syntax=docker/dockerfile:1
# Herald's production image. Build: docker build -t herald:0.1.0 .
# The image steps are reproduced by ContainerImageIntegrationTests, which reads this file:
# keep the extract command, the COPY lines, ENV and ENTRYPOINT in the simple forms below.

# --- build: the Maven wrapper compiles and packages; nothing of this stage ships ---
FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /build
# Dependencies first, in their own layer: it is rebuilt only when the pom changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src/main src/main
# Tests run in CI (./mvnw verify), not in the image build; src/test is not even sent.
RUN ./mvnw -B -q package -Dmaven.test.skip=true && cp target/herald-*.jar herald.jar
# Spring Boot's layered extraction: dependencies change less often than the application,
# so they sit in lower layers that a new release reuses.
RUN java -Djarmode=tools -jar herald.jar extract --layers --launcher --destination extracted

# --- run: a JRE and the extracted layers, as an unprivileged user ---
FROM eclipse-temurin:17-jre-noble
RUN groupadd --system --gid 10001 herald \
	&& useradd --system --uid 10001 --gid herald --home-dir /app --shell /usr/sbin/nologin herald \
	&& mkdir -p /app/data \
	&& chown herald:herald /app/data
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# Numeric, so that Kubernetes can verify runAsNonRoot.
USER 10001
# 8080 serves the API, feeds, streams and /livez, /readyz; 8081 serves Actuator (health,
# info, prometheus) and is never routed from outside the cluster.
EXPOSE 8080 8081
# The heap follows the container's memory limit; the rest of the limit is left to Netty's
# direct buffers, metaspace and thread stacks. An OutOfMemoryError ends the process so the
# orchestrator restarts it instead of leaving a half-working JVM.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60.0 -XX:InitialRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError" \
	PORT=8080 \
	MANAGEMENT_PORT=8081
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

# syntax=docker/dockerfile:1
# Herald's production image. Build, tagged with the pom's version (the jar's):
#   docker build -t herald:"$(./mvnw -q help:evaluate -Dexpression=project.version -DforceStdout)" .
# The image steps are reproduced by ContainerImageIntegrationTests, which reads this file:
# keep the extract command, the COPY lines, ENV and ENTRYPOINT in the simple forms below.
# Base images are pinned by digest (tag kept for the reader): a rebuild gets the same JDK and
# JRE until someone moves the digest on purpose (Dependabot or Renovate propose the updates).

# --- build: the Maven wrapper compiles and packages; nothing of this stage ships ---
FROM eclipse-temurin:17-jdk-noble@sha256:e213bb3f008362fcab6ab1fdf182e2170ef633ffa8543d8fd2f29e99f768aa60 AS build
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
FROM eclipse-temurin:17-jre-noble@sha256:f7537fa73fa7c5bc4e51ea11a611c1d0d8bbf4e9f22de93b666072de98e752e2
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
ENV PORT=8080 \
	MANAGEMENT_PORT=8081
# The JVM's memory, bounded piece by piece so that it fits the container's limit (1 GiB on
# Kubernetes, checked by KubernetesManifestsTests): heap 50 % of the limit, Netty's direct buffers 128 MiB (unbounded
# they default to the heap's size, and heap + direct alone would pass the limit), code cache
# 64 MiB, metaspace 160 MiB; the rest is thread stacks and the GC's own. An OutOfMemoryError
# (heap, direct or metaspace) ends the process so the orchestrator restarts it, instead of
# the kernel's OOM killer or a half-working JVM.
# The flags are on the command line, not in JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS: those make
# the JVM print a "Picked up ..." line, which is not JSON. To change them, override the
# container's command (Kubernetes: the Deployment's `command`).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50.0", "-XX:InitialRAMPercentage=25.0", "-XX:MaxDirectMemorySize=128m", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=160m", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]

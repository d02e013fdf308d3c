# Build and run gcm-review. docker-compose.yml pairs it with PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
# every folder the build reads (pom.xml: sources and resources); DockerfileTest fails when one is missing here
COPY src src
COPY processes processes
COPY db db
COPY docs docs
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 gcm
WORKDIR /app
COPY --from=build /src/target/gcm-review-*.jar app.jar
USER gcm
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx512m", "-jar", "/app/app.jar"]

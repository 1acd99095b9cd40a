# Build first: ./mvnw -pl hub-service -am -DskipTests package
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 poa
COPY hub-service/target/hub-service-*-exec.jar /opt/poa-hub/hub.jar
USER poa
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/poa-hub/hub.jar"]

package org.poahub.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.poahub.contract.Severity;
import org.poahub.tables.NumberStyle;
import org.poahub.tables.TableLimits;

class AgentConfigTest {

    static Properties valid() {
        Properties p = new Properties();
        p.setProperty("region", "BO-L");
        p.setProperty("agent.id", "agente-la-paz-1");
        p.setProperty("kafka.bootstrap.servers", "localhost:9092");
        p.setProperty("kafka.security.protocol", "SASL_SSL");
        p.setProperty("registry.url", "http://localhost:8081");
        p.setProperty("data.dir", "datos");
        return p;
    }

    @Test
    void readsSettingsAndPassesKafkaOnesThrough() {
        AgentConfig config = AgentConfig.from(valid(), Path.of("/opt/agente"));
        assertThat(config.region()).isEqualTo("BO-L");
        assertThat(config.dataDir()).isEqualTo(Path.of("/opt/agente/datos"));
        assertThat(config.dropFolder()).isEqualTo(Path.of("/opt/agente/datos/entrada"));
        assertThat(config.kafka().getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(config.unbudgetedObject()).isEqualTo(Severity.WARNING);
        assertThat(config.pageSize()).isEqualTo(500);
        assertThat(config.receiptsAwait()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(config.planCheckInterval()).isEqualTo(java.time.Duration.ofMinutes(15));
    }

    @Test
    void theLinksPaceCanBeTuned() {
        Properties p = valid();
        p.setProperty("receipts.await-minutes", "60");
        p.setProperty("plan.check-seconds", "3600");
        AgentConfig config = AgentConfig.from(p, Path.of("/"));
        assertThat(config.receiptsAwait()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(config.planCheckInterval()).isEqualTo(java.time.Duration.ofHours(1));
        p.setProperty("plan.check-seconds", "1");
        assertThatThrownBy(() -> AgentConfig.from(p, Path.of("/")))
                .hasMessageContaining("'plan.check-seconds' (1) debe estar entre 5 y 86400");
    }

    @Test
    void theAgentsKafkaLoginIsKeptApartAndTheTrustStoreIsRelativeToTheFile() {
        Properties p = valid();
        p.setProperty("kafka.user", "agente-la-paz-1");
        p.setProperty("kafka.password", "clave");
        p.setProperty("kafka.ssl.truststore.location", "poa-ca.crt");
        AgentConfig config = AgentConfig.from(p, Path.of("/etc/poa-agent"));
        assertThat(config.kafkaUser()).isEqualTo("agente-la-paz-1");
        assertThat(config.effectiveKafkaUser()).isEqualTo("agente-la-paz-1");
        assertThat(config.kafka().stringPropertyNames()).doesNotContain("user", "password");
        assertThat(config.kafka().getProperty("ssl.truststore.location")).isEqualTo("/etc/poa-agent/poa-ca.crt");
        assertThat(config.toString()).doesNotContain("clave");
    }

    @Test
    void aKafkaUserWithoutPasswordIsRefusedInSpanish() {
        Properties p = valid();
        p.setProperty("kafka.user", "agente-la-paz-1");
        assertThatThrownBy(() -> AgentConfig.from(p, Path.of("/")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("falta 'kafka.password'");
    }

    @Test
    void missingSettingNamesTheKeyAndAnExample() {
        Properties p = valid();
        p.remove("agent.id");
        assertThatThrownBy(() -> AgentConfig.from(p, Path.of("/")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Falta el valor de 'agent.id'").hasMessageContaining("Ejemplo: agent.id=");
    }

    @Test
    void wrongSettingsSayWhatIsWrong() {
        Properties region = valid();
        region.setProperty("region", "BO-X");
        assertThatThrownBy(() -> AgentConfig.from(region, Path.of("/"))).hasMessageContaining("'region' (BO-X)");
        Properties url = valid();
        url.setProperty("registry.url", "localhost:8081");
        assertThatThrownBy(() -> AgentConfig.from(url, Path.of("/"))).hasMessageContaining("http://");
        Properties number = valid();
        number.setProperty("sync.page-size", "mucho");
        assertThatThrownBy(() -> AgentConfig.from(number, Path.of("/")))
                .hasMessageContaining("'sync.page-size' (mucho) no es un número entero");
        Properties range = valid();
        range.setProperty("sync.page-size", "0");
        assertThatThrownBy(() -> AgentConfig.from(range, Path.of("/"))).hasMessageContaining("entre 1 y 10000");
    }

    @Test
    void missingFileIsExplained() {
        assertThatThrownBy(() -> AgentConfig.load(Path.of("/no/existe.properties")))
                .hasMessageContaining("No se encuentra el archivo de configuración");
    }

    @Test
    void importsDeclareTheirNumberFormatCharsetAndLimits() {
        AgentConfig plain = AgentConfig.from(valid(), Path.of("/"));
        assertThat(plain.imports().numbers()).isEqualTo(NumberStyle.UNDECLARED);
        assertThat(plain.imports().charset()).isNull();
        assertThat(plain.imports().limits()).isEqualTo(TableLimits.defaults());

        Properties p = valid();
        p.setProperty("import.number-format", "es-BO");
        p.setProperty("import.charset", "windows-1252");
        p.setProperty("import.max-file-mb", "5");
        p.setProperty("import.max-rows", "20000");
        AgentConfig config = AgentConfig.from(p, Path.of("/"));
        assertThat(config.imports().numbers()).isEqualTo(NumberStyle.DECIMAL_COMMA);
        assertThat(config.imports().charset().name()).isEqualTo("windows-1252");
        assertThat(config.imports().limits().maxFileBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(config.imports().limits().maxRows()).isEqualTo(20_000);

        Properties wrong = valid();
        wrong.setProperty("import.number-format", "boliviano");
        assertThatThrownBy(() -> AgentConfig.from(wrong, Path.of("/"))).isInstanceOf(ConfigException.class)
                .hasMessage("El valor de 'import.number-format' no es válido: formato de números 'boliviano' "
                        + "desconocido (use es-BO para 1.234,56 o en-US para 1,234.56). Ejemplo: "
                        + "import.number-format=es-BO");
    }
}

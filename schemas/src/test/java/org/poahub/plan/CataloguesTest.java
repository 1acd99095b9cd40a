package org.poahub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CataloguesTest {

    @Test
    void defaultClassifierHasTheNineGroups() {
        ObjectOfExpenditureClassifier c = ObjectOfExpenditureClassifier.loadDefault();
        assertThat(c.groups()).hasSize(9);
        assertThat(c.groupOf("25220")).map(ObjectOfExpenditureClassifier.Group::name).contains("Servicios No Personales");
        assertThat(c.groupOf("80000")).map(ObjectOfExpenditureClassifier.Group::name).contains("Impuestos, Regalías y Tasas");
        assertThat(c.isKnown("0000")).isFalse();
        assertThat(c.isKnown("2000")).isFalse();
    }

    @Test
    void defaultRegionsAreTheNineDepartmentalOffices() {
        RegionCatalogue r = RegionCatalogue.loadDefault();
        assertThat(r.regions()).extracting(RegionCatalogue.Region::code)
                .containsExactlyInAnyOrder("BO-C", "BO-H", "BO-B", "BO-L", "BO-O", "BO-N", "BO-P", "BO-S", "BO-T");
        assertThat(r.region("BO-P")).map(RegionCatalogue.Region::name).contains("Potosí");
        assertThat(r.isKnown("BO-X")).isFalse();
    }

    @Test
    void operatorEditedFilesReplaceTheDefaults(@TempDir Path dir) throws Exception {
        Path regions = dir.resolve("regiones.csv");
        Files.writeString(regions, "\uFEFFcodigo;nombre\nBO-L;La Paz\nBO-X1;Oficina Nacional\n", StandardCharsets.UTF_8);
        assertThat(RegionCatalogue.load(regions).regions()).extracting(RegionCatalogue.Region::code)
                .containsExactly("BO-L", "BO-X1");

        Path groups = dir.resolve("grupos.csv");
        Files.writeString(groups, "codigo;nombre\n20000;Servicios No Personales\n", StandardCharsets.UTF_8);
        assertThat(ObjectOfExpenditureClassifier.load(groups).isKnown("10000")).isFalse();
    }

    @Test
    void malformedDataFilesAreRejectedWithTheLine() {
        assertThatThrownBy(() -> RegionCatalogue.load(
                new ByteArrayInputStream("codigo;nombre\nBO-L,La Paz\n".getBytes(StandardCharsets.UTF_8)), "r.csv"))
                .hasMessageContaining("línea 2");
        assertThatThrownBy(() -> ObjectOfExpenditureClassifier.load(
                new ByteArrayInputStream("codigo;nombre\n25220;x\n".getBytes(StandardCharsets.UTF_8)), "g.csv"))
                .hasMessageContaining("25220");
    }
}

package org.poahub.agent.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poahub.tables.TableCases;
import org.poahub.tables.TableLimits;
import org.poahub.tables.TableOptions;

/** Whatever lands in the drop folder, the watcher neither crashes nor loops: every file leaves the inbox once. */
class DropFolderWatcherTest extends ImportFixture {

    static final String GOOD = String.join(";", ReportImporter.COLUMNS) + "\n"
            + "avance;2020;11.04.02;2020-03-01;2020-03-31;3;25;Informe;INF-1;Ana;;;;;;\n";

    Path inbox;
    final List<String> messages = new ArrayList<>();
    DropFolderWatcher watcher;

    @BeforeEach
    void watch() throws IOException {
        inbox = Files.createDirectories(dir.resolve("entrada"));
        watcher = new DropFolderWatcher(inbox, importer, messages::add);
    }

    /** Two scans: a file is taken once it did not change between them. */
    void scanTwice() {
        watcher.scanOnce();
        watcher.scanOnce();
    }

    @Test
    void aZeroByteFileIsRefusedWithItsErrorFile() throws IOException {
        Files.createFile(inbox.resolve("vacío.csv"));
        scanTwice();
        assertThat(inbox.resolve("vacío.csv")).doesNotExist();
        assertThat(Files.readString(inbox.resolve("con-errores/vacío.csv.errores.txt"), StandardCharsets.UTF_8))
                .contains("Archivo: el archivo está vacío; use la plantilla");
        assertThat(store.countAll()).isZero();
    }

    @Test
    void aHugeFileIsRefusedBeforeBeingRead() throws IOException {
        Path huge = inbox.resolve("enorme.xlsx");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(2L * 1024 * 1024 * 1024); // sparse: 2 GB on paper, nothing on disk
        }
        scanTwice();
        assertThat(huge).doesNotExist();
        assertThat(Files.readString(inbox.resolve("con-errores/enorme.xlsx.errores.txt"), StandardCharsets.UTF_8))
                .contains("Archivo: " + TableCases.fileTooLarge("2048 MB", "100 MB"));
        Files.delete(inbox.resolve("con-errores/enorme.xlsx"));
    }

    @Test
    void theSizeLimitIsASetting() throws IOException {
        DropFolderWatcher small = new DropFolderWatcher(inbox, importer.with(TableOptions.defaults()
                .withLimits(TableLimits.defaults().withMaxFileBytes(100))), messages::add);
        Files.writeString(inbox.resolve("marzo.csv"), GOOD, StandardCharsets.UTF_8);
        small.scanOnce();
        small.scanOnce();
        assertThat(Files.readString(inbox.resolve("con-errores/marzo.csv.errores.txt"), StandardCharsets.UTF_8))
                .contains("Archivo: " + TableCases.fileTooLarge(GOOD.getBytes(StandardCharsets.UTF_8).length
                        + " bytes", "100 bytes"));
    }

    @Test
    void aFileStillBeingWrittenWaitsUntilItStopsChanging() throws IOException {
        Path file = inbox.resolve("marzo.csv");
        Files.writeString(file, GOOD.substring(0, 40), StandardCharsets.UTF_8);
        watcher.scanOnce();
        Files.writeString(file, GOOD, StandardCharsets.UTF_8); // the copy goes on: larger now
        watcher.scanOnce();
        assertThat(file).exists();
        watcher.scanOnce();
        assertThat(file).doesNotExist();
        assertThat(inbox.resolve("procesados/marzo.csv")).exists();
        assertThat(store.countAll()).isEqualTo(1);
    }

    @Test
    void aLockedFileWaitsForItsLockAndIsReportedOnce() throws IOException {
        Path file = Files.writeString(inbox.resolve("abierto.csv"), GOOD, StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            scanTwice();
            watcher.scanOnce();
            assertThat(lock.isValid()).isTrue();
            assertThat(file).exists();
        }
        assertThat(messages).containsExactly("El archivo abierto.csv está abierto en otro programa; se importará "
                + "cuando se cierre.");
        watcher.scanOnce();
        assertThat(inbox.resolve("procesados/abierto.csv")).exists();
        assertThat(store.countAll()).isEqualTo(1);
    }

    @Test
    void oddNamesImportAndKeepTheirName() throws IOException {
        List<String> names = List.of("informe marzo (1) ñ #%&'.csv", "ünïcödé — 2020 [copia].CSV", "a;b,c.csv");
        for (int i = 0; i < names.size(); i++) {
            Files.writeString(inbox.resolve(names.get(i)), GOOD.replace("INF-1", "INF-" + i), StandardCharsets.UTF_8);
        }
        scanTwice();
        for (String name : names) {
            assertThat(inbox.resolve("procesados").resolve(name)).exists();
        }
        assertThat(store.countAll()).isEqualTo(3);
    }

    @Test
    void aFileOfAnotherTypeLeavesTheInboxWithItsReasonButOfficeTemporaryFilesStay() throws IOException {
        Files.writeString(inbox.resolve("informe.xls"), "viejo", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("~$informe.xlsx"), "bloqueo de Excel", StandardCharsets.UTF_8);
        scanTwice();
        assertThat(Files.readString(inbox.resolve("con-errores/informe.xls.errores.txt"), StandardCharsets.UTF_8))
                .contains("Archivo: el archivo 'informe.xls' no es .xlsx ni .csv; guárdelo en uno de esos formatos");
        assertThat(inbox.resolve("~$informe.xlsx")).exists();
    }

    @Test
    void aFileThatCannotBeMovedIsNotTriedAgainUntilItChanges() throws IOException {
        Files.writeString(inbox.resolve("con-errores"), "un archivo donde iría la carpeta", StandardCharsets.UTF_8);
        Path file = Files.writeString(inbox.resolve("malo.csv"), "tipo;gestion\n", StandardCharsets.UTF_8);
        scanTwice();
        for (int i = 0; i < 5; i++) {
            watcher.scanOnce();
        }
        assertThat(file).exists();
        assertThat(messages).containsExactly("No se pudo procesar malo.csv ni moverlo a con-errores; no se volverá a "
                + "intentar hasta que el archivo cambie. Revise los permisos de la carpeta de entrada.");

        Files.delete(inbox.resolve("con-errores"));
        Files.writeString(file, GOOD.replace("INF-1", "INF-9"), StandardCharsets.UTF_8);
        scanTwice();
        assertThat(inbox.resolve("procesados/malo.csv")).exists();
    }
}

package org.poahub.agent.dropfolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the drop folder for {@code .xlsx}/{@code .csv} files. It polls (every two seconds) instead of using a
 * {@code WatchService}: office PCs often share the folder over the network, where change events are unreliable,
 * and a file is imported only once its size and time stamp stopped changing (Excel and copies write in steps).
 */
public final class DropFolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DropFolderWatcher.class);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final Path folder;
    private final ReportImporter importer;
    private final Consumer<String> report;
    private final Map<Path, String> lastSeen = new HashMap<>();
    private volatile boolean running = true;

    public DropFolderWatcher(Path folder, ReportImporter importer, Consumer<String> report) {
        this.folder = folder;
        this.importer = importer;
        this.report = report;
    }

    public void run() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            report.accept("No se puede crear la carpeta de entrada " + folder + ": " + e.getMessage());
            return;
        }
        while (running) {
            scanOnce();
            synchronized (this) {
                try {
                    wait(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Imports every file whose size and time stamp did not change since the previous scan. */
    public void scanOnce() {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).filter(DropFolderWatcher::isReportFile).toList();
        } catch (IOException e) {
            log.warn("cannot list {}: {}", folder, e.getMessage());
            return;
        }
        lastSeen.keySet().retainAll(files);
        for (Path file : files) {
            String signature;
            try {
                signature = Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                continue;
            }
            if (!signature.equals(lastSeen.put(file, signature))) {
                continue;
            }
            lastSeen.remove(file);
            try {
                ReportImporter.Result result = importer.importAndMove(file);
                report.accept(result.ok()
                        ? "Importado " + file.getFileName() + ": " + result.imported() + " informes guardados."
                        : "El archivo " + file.getFileName() + " tiene errores; no se importó nada. Vea "
                                + result.errorFile());
            } catch (IOException | RuntimeException e) {
                log.warn("import of {} failed", file, e);
                report.accept("No se pudo procesar " + file.getFileName() + ": " + e.getMessage());
            }
        }
    }

    static boolean isReportFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".xlsx") || name.endsWith(".csv")) && !name.startsWith("~$") && !name.startsWith(".");
    }

    @Override
    public synchronized void close() {
        running = false;
        notifyAll();
    }
}

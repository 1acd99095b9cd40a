package org.poahub.agent.dropfolder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Watches the drop folder. It polls (every two seconds) instead of using a {@code WatchService}: office PCs often
 * share the folder over the network, where change events are unreliable. A file is taken only once its size and
 * time stamp stopped changing between two scans (Excel and copies write in steps) and nobody holds a lock on it
 * (Excel keeps the file it has open locked). Then every file leaves the inbox: to {@code procesados/}, or with its
 * Spanish error file to {@code con-errores/}, whatever went wrong (empty, too big, unreadable, bad rows). A file
 * that cannot even be moved is remembered and not tried again until it changes, so nothing loops forever.
 */
public final class DropFolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DropFolderWatcher.class);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final Path folder;
    private final ReportImporter importer;
    private final Consumer<String> report;
    private final Map<Path, String> lastSeen = new HashMap<>();
    /** Files whose import or move failed, by the signature they had: tried again only once they change. */
    private final Map<Path, String> givenUp = new HashMap<>();
    /** Files reported as in use, so the message is given once. */
    private final Map<Path, String> inUse = new HashMap<>();
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

    /** Imports every file whose size and time stamp did not change since the previous scan and that is not locked. */
    public void scanOnce() {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).filter(DropFolderWatcher::isCandidate).sorted().toList();
        } catch (IOException e) {
            log.warn("cannot list {}: {}", folder, e.getMessage());
            return;
        }
        lastSeen.keySet().retainAll(files);
        givenUp.keySet().retainAll(files);
        inUse.keySet().retainAll(files);
        for (Path file : files) {
            String signature;
            try {
                signature = Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                continue;
            }
            if (signature.equals(givenUp.get(file)) || !signature.equals(lastSeen.put(file, signature))) {
                continue;
            }
            if (isLocked(file)) {
                if (!signature.equals(inUse.put(file, signature))) {
                    report.accept("El archivo " + file.getFileName() + " está abierto en otro programa; se importará "
                            + "cuando se cierre.");
                }
                continue;
            }
            lastSeen.remove(file);
            inUse.remove(file);
            importOne(file, signature);
        }
    }

    private void importOne(Path file, String signature) {
        try {
            ReportImporter.Result result = importer.importAndMove(file);
            report.accept(result.ok()
                    ? "Importado " + file.getFileName() + ": " + result.imported() + " informes guardados."
                    : "El archivo " + file.getFileName() + " tiene errores; no se importó nada. Vea "
                            + result.errorFile());
        } catch (NoSuchFileException e) {
            log.debug("{} disappeared before it was imported", file);
        } catch (IOException | RuntimeException e) {
            givenUp.put(file, signature);
            log.warn("import of {} failed; not tried again until the file changes", file, e);
            report.accept("No se pudo procesar " + file.getFileName() + " ni moverlo a con-errores; no se volverá "
                    + "a intentar hasta que el archivo cambie. Revise los permisos de la carpeta de entrada.");
        }
    }

    /** Whether another program holds the file (a lock, or on Windows a sharing violation when opening it). */
    static boolean isLocked(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return !(e instanceof NoSuchFileException);
        }
    }

    /**
     * Every file but the temporary ones of Office ({@code ~$...}), hidden ones, and those of downloads or copies in
     * progress, and the watcher's own {@code procesados}/{@code con-errores} names; a file of another type is taken
     * too and refused with its error file, so the inbox empties.
     */
    static boolean isCandidate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.equals("procesados") && !name.equals("con-errores") && !name.startsWith("~$") && !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".part")
                && !name.endsWith(".crdownload") && !name.endsWith(".errores.txt");
    }

    @Override
    public synchronized void close() {
        running = false;
        notifyAll();
    }
}

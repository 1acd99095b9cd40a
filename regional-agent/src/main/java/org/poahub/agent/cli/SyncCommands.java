package org.poahub.agent.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.poahub.agent.dropfolder.DropFolderWatcher;
import org.poahub.agent.dropfolder.ReportImporter;
import org.poahub.agent.receipts.ReceiptListener;
import org.poahub.agent.store.ReportState;
import org.poahub.agent.sync.Forwarder;
import org.poahub.agent.sync.SyncProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Commands that talk to the hub: sincronizar, ejecutar. */
final class SyncCommands {

    private SyncCommands() {
    }

    @Command(name = "sincronizar", description = "Envía ahora todos los informes pendientes, mostrando el avance; "
            + "si no hay conexión reintenta hasta lograrlo (Ctrl+C para salir; nada se pierde).")
    static final class Sync implements Callable<Integer> {
        @ParentCommand
        AgentMain root;
        @Option(names = "--silencioso", description = "No muestra el avance.")
        boolean quiet;

        @Override
        public Integer call() {
            try (AgentContext ctx = AgentContext.open(root.configFile());
                 Forwarder forwarder = new Forwarder(ctx.config(), ctx.store())) {
                long pending = ctx.store().count(ReportState.PENDIENTE);
                if (pending == 0) {
                    System.out.println("No hay informes pendientes de envío.");
                    return AgentMain.OK;
                }
                if (!quiet) {
                    System.out.println("Enviando " + pending + " informes pendientes...");
                }
                long sent = forwarder.syncAll(new SyncProgress(quiet ? null : System.out));
                forwarder.release();
                System.out.println("Listo: " + sent + " informes enviados al servidor central.");
                return AgentMain.OK;
            }
        }
    }

    @Command(name = "ejecutar", description = "Modo servicio: envía los informes, recibe los acuses del servidor y "
            + "vigila la carpeta de entrada, hasta que se detenga el servicio.")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        AgentMain root;
        @Option(names = "--sin-carpeta", description = "No vigila la carpeta de entrada.")
        boolean noDropFolder;

        @Override
        public Integer call() throws InterruptedException {
            AgentContext ctx = AgentContext.open(root.configFile());
            CredentialNotices notices = new CredentialNotices(System.out);
            Forwarder forwarder = new Forwarder(ctx.config(), ctx.store()).onCredentialProblem(notices);
            ReceiptListener receipts = new ReceiptListener(ctx.config(), ctx.store()).onCredentialProblem(notices);
            DropFolderWatcher watcher = new DropFolderWatcher(ctx.config().dropFolder(),
                    new ReportImporter(ctx.store(), ctx.factory(), ctx.validator()), message -> {
                        System.out.println(message);
                        forwarder.wakeUp();
                    });
            CountDownLatch stopped = new CountDownLatch(noDropFolder ? 2 : 3);
            List<Thread> threads = new java.util.ArrayList<>();
            threads.add(start("forwarder", () -> {
                forwarder.run();
                forwarder.release();
            }, stopped));
            threads.add(start("receipts", receipts::run, stopped));
            if (!noDropFolder) {
                threads.add(start("drop-folder", watcher::run, stopped));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                forwarder.close();
                receipts.close();
                watcher.close();
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ctx.close();
            }, "shutdown"));
            System.out.println("Agente en ejecución: regional " + ctx.config().region() + ", carpeta de entrada "
                    + ctx.config().dropFolder());
            for (Thread t : threads) {
                t.join();
            }
            return AgentMain.OK;
        }

        private static Thread start(String name, Runnable task, CountDownLatch stopped) {
            Thread t = new Thread(() -> {
                try {
                    task.run();
                } finally {
                    stopped.countDown();
                }
            }, name);
            t.start();
            return t;
        }
    }
}

package org.poahub.hub.finance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.poahub.hub.audit.StaffAction;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Collects the {@link StaffAction}s a hub test context publishes, from any thread (Spring's
 * {@code @RecordApplicationEvents} only sees the test's own thread, not the web server's).
 */
@TestConfiguration(proxyBeanMethods = false)
public class StaffActions {

    private final List<StaffAction> actions = new CopyOnWriteArrayList<>();

    @EventListener
    void on(StaffAction action) {
        actions.add(action);
    }

    public List<StaffAction> of(String action) {
        return actions.stream().filter(a -> a.action().equals(action)).toList();
    }
}

package org.juryroom.support;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Records what the app logs at WARNING or above while it is open (the test app runs in the test's JVM):
 * {@code try (LogRecorder log = LogRecorder.start()) { ... }}, then assert on {@link #records()}.
 */
public final class LogRecorder extends ExtHandler implements AutoCloseable {

    private final List<ExtLogRecord> records = new ArrayList<>();

    private LogRecorder() {
    }

    public static LogRecorder start() {
        LogRecorder recorder = new LogRecorder();
        Logger.getLogger("").addHandler(recorder);
        return recorder;
    }

    @Override
    protected void doPublish(ExtLogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            synchronized (records) {
                records.add(record);
            }
        }
    }

    /** What was recorded so far. */
    public List<ExtLogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** Whether a recorded throwable, or one of its causes, is of {@code type}. */
    public static boolean thrownIs(ExtLogRecord record, Class<? extends Throwable> type) {
        for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}

package io.camelantom.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures what the connector and Camel log (down to the given level, TRACE by default) while open, with stack traces. */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    private static final List<String> LOGGERS = List.of("io.camelantom", "org.apache.camel");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);

    LogCapture() {
        this(Level.TRACE);
    }

    LogCapture(Level level) {
        super("it-capture", null, null, true, Property.EMPTY_ARRAY);
        start();
        Configuration config = loggerContext.getConfiguration();
        for (String name : LOGGERS) {
            LoggerConfig logger = new LoggerConfig(name, level, true);
            logger.addAppender(this, level, null);
            config.addLogger(name, logger);
        }
        loggerContext.updateLoggers();
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage());
        for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
            line.append(" | ").append(t);
        }
        lines.add(line.toString());
    }

    String text() {
        return String.join("\n", lines);
    }

    int size() {
        return lines.size();
    }

    @Override
    public void close() {
        Configuration config = loggerContext.getConfiguration();
        for (String name : LOGGERS) {
            config.removeLogger(name);
        }
        loggerContext.updateLoggers();
        stop();
    }
}

package io.camelantom.routes.testsupport;

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

/**
 * Records what the project, Camel and Artemis log at INFO and above (what a production log holds) while open: level,
 * logger, message and every cause in the chain.
 */
public final class LogLines extends AbstractAppender implements AutoCloseable {

    private static final List<String> LOGGERS = List.of("io.camelantom", "org.apache.camel", "org.apache.activemq.artemis");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, LoggerConfig> previous = new java.util.HashMap<>();
    private final LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);

    public LogLines() {
        super("test-log-lines", null, null, true, Property.EMPTY_ARRAY);
        start();
        Configuration config = loggerContext.getConfiguration();
        for (String name : LOGGERS) {
            LoggerConfig existing = config.getLoggers().get(name);
            if (existing != null) {
                // a logger the test configuration already declares: listen to it as it is
                existing.addAppender(this, Level.INFO, null);
                previous.put(name, existing);
            } else {
                LoggerConfig logger = new LoggerConfig(name, Level.INFO, true);
                logger.addAppender(this, Level.INFO, null);
                config.addLogger(name, logger);
            }
        }
        loggerContext.updateLoggers();
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLevel().name()).append(' ').append(event.getLoggerName()).append(' ')
                .append(event.getMessage().getFormattedMessage());
        for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
            line.append(" | ").append(t);
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        Configuration config = loggerContext.getConfiguration();
        for (String name : LOGGERS) {
            if (previous.containsKey(name)) {
                previous.get(name).removeAppender(getName());
            } else {
                config.removeLogger(name);
            }
        }
        loggerContext.updateLoggers();
        stop();
    }
}

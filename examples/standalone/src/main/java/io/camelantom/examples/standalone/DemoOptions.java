package io.camelantom.examples.standalone;

import java.nio.file.Path;
import java.util.List;

/**
 * The demo's command line: {@code --orders N}, {@code --keep-running}, {@code --config FILE}, {@code --help}.
 *
 * @param orders      how many sample orders to feed (null: {@code demo.orders} from the properties)
 * @param keepRunning keep the application running after the summary, until Ctrl-C
 * @param config      a properties file whose keys win over {@code application.properties} (null: none)
 * @param help        print the usage and exit
 */
public record DemoOptions(Integer orders, boolean keepRunning, Path config, boolean help) {

    public static final String USAGE = """
            Usage: StandaloneDemo [--orders N] [--keep-running] [--config FILE]
              --orders N       sample ERP orders to feed (default: demo.orders, 20); 0 feeds none
              --keep-running   keep running after the summary (broker, routes and notification URL stay up) until Ctrl-C
              --config FILE    properties that win over application.properties, e.g. Antom sandbox credentials
            Environment: ANTOM_CLIENT_ID, ANTOM_PRIVATE_KEY_FILE, ANTOM_PUBLIC_KEY_FILE, ANTOM_REGION or
              ANTOM_GATEWAY_URL, ANTOM_NOTIFICATION_URL switch from the simulator to Antom (see the README).""";

    public static DemoOptions parse(String... args) {
        Integer orders = null;
        boolean keepRunning = false;
        Path config = null;
        boolean help = false;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            switch (arg) {
                case "--orders" -> orders = parseOrders(value(list, ++i, arg));
                case "--keep-running" -> keepRunning = true;
                case "--config" -> config = Path.of(value(list, ++i, arg));
                case "--help", "-h" -> help = true;
                default -> {
                    if (arg.startsWith("--orders=")) {
                        orders = parseOrders(arg.substring("--orders=".length()));
                    } else if (arg.startsWith("--config=")) {
                        config = Path.of(arg.substring("--config=".length()));
                    } else {
                        throw new IllegalArgumentException("Unknown option '" + arg + "'");
                    }
                }
            }
        }
        return new DemoOptions(orders, keepRunning, config, help);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int parseOrders(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 0 || n > 100_000) {
                throw new IllegalArgumentException("--orders must be from 0 to 100000, not " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--orders needs a whole number, not '" + text + "'");
        }
    }
}

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
 * @param api         the Antom API the orders are paid through: {@code v1} (default) or {@code v2} (in-store, RSA_AES)
 */
public record DemoOptions(Integer orders, boolean keepRunning, Path config, boolean help, String api) {

    public static final String USAGE = """
            Usage: StandaloneDemo [--orders N] [--keep-running] [--config FILE] [--api v1|v2]
              --orders N       sample ERP orders to feed (default: demo.orders, 20); 0 feeds none
              --keep-running   keep running after the summary (broker, routes and notification URL stay up) until Ctrl-C
              --config FILE    properties that win over application.properties, e.g. Antom sandbox credentials
              --api v1|v2      pay through Antom's v1 APIs (default) or the v2 in-store API, RSA_AES-encrypted
            Environment: ANTOM_CLIENT_ID, ANTOM_PRIVATE_KEY_FILE, ANTOM_PUBLIC_KEY_FILE, ANTOM_REGION or
              ANTOM_GATEWAY_URL, ANTOM_NOTIFICATION_URL switch from the simulator to Antom (see the README).""";

    public static DemoOptions parse(String... args) {
        Integer orders = null;
        boolean keepRunning = false;
        Path config = null;
        boolean help = false;
        String api = "v1";
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            switch (arg) {
                case "--orders" -> orders = parseOrders(value(list, ++i, arg));
                case "--keep-running" -> keepRunning = true;
                case "--config" -> config = Path.of(value(list, ++i, arg));
                case "--help", "-h" -> help = true;
                case "--api" -> api = parseApi(value(list, ++i, arg));
                default -> {
                    if (arg.startsWith("--orders=")) {
                        orders = parseOrders(arg.substring("--orders=".length()));
                    } else if (arg.startsWith("--api=")) {
                        api = parseApi(arg.substring("--api=".length()));
                    } else if (arg.startsWith("--config=")) {
                        config = Path.of(arg.substring("--config=".length()));
                    } else {
                        throw new IllegalArgumentException("Unknown option '" + arg + "'");
                    }
                }
            }
        }
        return new DemoOptions(orders, keepRunning, config, help, api);
    }

    /** Whether orders are paid through Antom's v2 in-store API. */
    public boolean v2() {
        return "v2".equals(api);
    }

    private static String parseApi(String text) {
        String api = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (!api.equals("v1") && !api.equals("v2")) {
            throw new IllegalArgumentException("--api must be v1 or v2, not '" + text + "'");
        }
        return api;
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

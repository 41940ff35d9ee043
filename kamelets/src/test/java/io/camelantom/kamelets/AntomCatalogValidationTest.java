package io.camelantom.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelantom.component.AntomComponent;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel's catalog (what IDE plugins, Kaoto and {@code camel-report-maven-plugin:validate} use), fed the connector's
 * generated {@code antom.json}, accepts every {@code antom:} URI the project shows its users: the docs, the examples
 * and the Kamelets. And it still reports the mistakes it should.
 */
class AntomCatalogValidationTest {

    /** antom: at the start of a URI (not in Maven coordinates like io.camelantom:camel-antom). */
    private static final Pattern ANTOM_URI = Pattern.compile("(?<![\\w.:/-])antom:[A-Za-z{][^\\s\"'`)<>|\\\\]*");
    /** The syntax line of the docs, not a URI. */
    private static final Set<String> NOT_URIS = Set.of("antom:operation", "antom:operation[?options]");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static CamelCatalog catalog;

    @BeforeAll
    static void catalog() throws IOException {
        catalog = new DefaultCamelCatalog();
        try (InputStream json = AntomComponent.class.getResourceAsStream("/META-INF/io/camelantom/component/antom.json")) {
            assertThat(json).as("the connector's generated antom.json").isNotNull();
            catalog.addComponent("antom", AntomComponent.class.getName(), new String(json.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void generatedMetadataMarksNoOptionThatMayComeFromTheComponentAsRequired() throws IOException {
        JsonNode json = new ObjectMapper().readTree(catalog.componentJSonSchema("antom"));
        List<String> required = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties")) {
            json.get(section).properties().forEach(option -> {
                if (option.getValue().path("required").asBoolean(false)) {
                    required.add(section + "." + option.getKey());
                }
            });
        }
        // the operation (the path) is the only part an endpoint must have; clientId and the keys may come from the component
        assertThat(required).containsExactly("properties.operation");
    }

    @Test
    void everyAntomUriInTheDocsExamplesAndKameletsIsValid() {
        Map<String, List<String>> uris = projectUris();
        List<String> invalid = new ArrayList<>();
        uris.forEach((where, found) -> found.forEach(uri -> {
            EndpointValidationResult result = catalog.validateEndpointProperties(uri);
            if (!result.isSuccess()) {
                invalid.add(where + ": " + uri + ": " + result.summaryErrorMessage(false));
            }
        }));
        assertThat(invalid).isEmpty();
        assertThat(uris.keySet()).as("where URIs were found").anyMatch(where -> where.equals("README.md"))
                .anyMatch(where -> where.endsWith("antom-component.adoc"))
                .anyMatch(where -> where.startsWith("kamelets/src/main/resources/kamelets/"))
                .anyMatch(where -> where.startsWith("examples/jbang/"));
    }

    @Test
    void theUsualUriIsValidWithoutAClientIdBecauseTheComponentMayHoldIt() {
        assertThat(catalog.validateEndpointProperties("antom:pay").isSuccess()).isTrue();
        assertThat(catalog.validateEndpointProperties("antom:inquiryPayment?requestTimeout=5s&maxRetries=2").isSuccess()).isTrue();
        assertThat(catalog.validateEndpointProperties("antom:refund?clientId={{antom.clientId}}&privateKey=RAW({{antom.key}})")
                .isSuccess()).isTrue();
        assertThat(catalog.validateEndpointProperties("antom:pay?httpClientConfigurer=#bean:myConfigurer").isSuccess()).isTrue();
    }

    @Test
    void aTypoedOptionIsReported() {
        EndpointValidationResult result = catalog.validateEndpointProperties("antom:pay?requstTimeout=5000");
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getUnknown()).containsExactly("requstTimeout");
    }

    @Test
    void aWrongEnumValueIsReported() {
        EndpointValidationResult region = catalog.validateEndpointProperties("antom:pay?region=MARS");
        assertThat(region.isSuccess()).isFalse();
        assertThat(region.getInvalidEnum()).containsEntry("region", "MARS");
        EndpointValidationResult operation = catalog.validateEndpointProperties("antom:payy");
        assertThat(operation.isSuccess()).isFalse();
        assertThat(operation.getInvalidEnum()).containsEntry("operation", "payy");
    }

    @Test
    void aNonIntegerIsReported() {
        EndpointValidationResult result = catalog.validateEndpointProperties("antom:pay?maxRetries=three");
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidInteger()).containsEntry("maxRetries", "three");
    }

    /** Every antom: URI in the docs (*.md, *.adoc), the examples and the Kamelets, with where it was found. */
    static Map<String, List<String>> projectUris() {
        Map<String, List<String>> uris = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).filter(AntomCatalogValidationTest::shown).sorted()
                    .collect(Collectors.toList())) {
                String where = ROOT.relativize(file).toString();
                String text = Files.readString(file, StandardCharsets.UTF_8);
                List<String> found = where.endsWith(".yaml") || where.endsWith(".yml") ? yamlUris(text) : textUris(text);
                if (!found.isEmpty()) {
                    uris.put(where, found);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uris;
    }

    private static boolean shown(Path file) {
        String path = ROOT.relativize(file).toString().replace('\\', '/');
        if (path.startsWith(".") || path.contains("/target/") || path.contains("/src/test/") || path.contains("/.")) {
            return false;
        }
        String name = file.getFileName().toString();
        boolean doc = name.endsWith(".md") || name.endsWith(".adoc");
        boolean example = path.startsWith("examples/") && (name.endsWith(".java") || name.endsWith(".yaml")
                                                           || name.endsWith(".xml") || name.endsWith(".properties"));
        boolean kamelet = path.startsWith("kamelets/src/main/resources/") && name.endsWith(".yaml");
        return doc || example || kamelet;
    }

    static List<String> textUris(String text) {
        List<String> uris = new ArrayList<>();
        Matcher m = ANTOM_URI.matcher(text.replace("&amp;", "&"));
        while (m.find()) {
            String uri = m.group().replaceAll("[.,;:}]+$", "");
            if (!NOT_URIS.contains(uri)) {
                uris.add(uri);
            }
        }
        return uris;
    }

    /** YAML: a uri with its parameters map (the Kamelet and YAML DSL form), and antom: URIs in any other string. */
    static List<String> yamlUris(String text) {
        List<String> uris = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
            collect(document, uris);
        }
        return uris;
    }

    private static void collect(Object node, List<String> uris) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("uri") instanceof String uri && uri.startsWith("antom:")) {
                StringBuilder full = new StringBuilder(uri);
                if (map.get("parameters") instanceof Map<?, ?> parameters) {
                    char separator = uri.contains("?") ? '&' : '?';
                    for (Map.Entry<?, ?> e : parameters.entrySet()) {
                        full.append(separator).append(e.getKey()).append('=').append(e.getValue());
                        separator = '&';
                    }
                }
                uris.add(full.toString());
            }
            map.forEach((k, v) -> {
                if (!"uri".equals(k)) {
                    collect(v, uris);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, uris));
        } else if (node instanceof String s) {
            uris.addAll(textUris(s));
        }
    }
}

package io.camelantom.model;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model through Camel's type converter and camel-jackson's json data format. */
class AntomModelConvertersTest {

    private static final String PAY = "{\"paymentRequestId\":\"conv-1\",\"productCode\":\"IN_STORE_PAYMENT\","
                                      + "\"paymentAmount\":{\"currency\":\"USD\",\"value\":\"599\"},"
                                      + "\"newAntomField\":{\"since\":\"2026\"}}";
    private static final String PAY_RESPONSE = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"},"
                                               + "\"paymentId\":\"2026000001\",\"paymentRequestId\":\"conv-1\",\"newAntomField\":42}";

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:convert").convertBodyTo(PayRequest.class);
                from("direct:unmarshal").unmarshal().json(PayResponse.class);
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void convertBodyToReadsJsonTextBytesStreamsReadersAndMapsKeepingUnknownFields() {
        for (Object body : new Object[] {
                PAY, PAY.getBytes(StandardCharsets.UTF_8), new ByteArrayInputStream(PAY.getBytes(StandardCharsets.UTF_8)),
                new StringReader(PAY), AntomJson.toMap(PAY) }) {
            PayRequest pay = template.requestBody("direct:convert", body, PayRequest.class);
            assertThat(pay.getPaymentRequestId()).as(body.getClass().getSimpleName()).isEqualTo("conv-1");
            assertThat(pay.getPaymentAmount().getValue()).isEqualTo("599");
            assertThat(pay.getAdditionalProperty("newAntomField")).isEqualTo(Map.of("since", "2026"));
            // written back unchanged, canonically
            assertThat(new String(AntomJson.canonicalBytes(pay), StandardCharsets.UTF_8)).contains("\"newAntomField\":{\"since\":\"2026\"}");
        }
    }

    @Test
    void aFileConsumersBodyConverts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("pay.json"), PAY);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir + "?noop=true&initialDelay=0").routeId("files").convertBodyTo(PayRequest.class).to("mock:paid");
            }
        });
        org.apache.camel.component.mock.MockEndpoint paid = context.getEndpoint("mock:paid", org.apache.camel.component.mock.MockEndpoint.class);
        paid.expectedMessageCount(1);
        paid.assertIsSatisfied(10_000);
        PayRequest pay = paid.getReceivedExchanges().get(0).getMessage().getBody(PayRequest.class);
        assertThat(pay.getPaymentRequestId()).isEqualTo("conv-1");
    }

    @Test
    void theTypeConverterAnswersForTheModelOnly() {
        assertThat(context.getTypeConverter().convertTo(PayResponse.class, PAY_RESPONSE).getPaymentId()).isEqualTo("2026000001");
        assertThat(context.getTypeConverter().tryConvertTo(java.util.UUID.class, "{\"a\":1}")).isNull();
    }

    @Test
    void aUsersObjectMapperBeanIsHonoured() {
        String withComment = "{/* from the ERP */\"paymentRequestId\":\"conv-2\",\"productCode\":\"IN_STORE_PAYMENT\"}";
        // the connector's own mapper refuses comments ...
        assertThatThrownBy(() -> template.requestBody("direct:convert", withComment, PayRequest.class))
                .isInstanceOf(CamelExecutionException.class).hasStackTraceContaining("ALLOW_COMMENTS");
        // ... the user's single ObjectMapper bean allows them, and is used
        context.getRegistry().bind("erpMapper", JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build());
        PayRequest pay = template.requestBody("direct:convert", withComment, PayRequest.class);
        assertThat(pay.getPaymentRequestId()).isEqualTo("conv-2");
    }

    @Test
    void notJsonIsAClearConversionError() {
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(
                () -> template.requestBody("direct:convert", "paymentRequestId=conv-3", PayRequest.class));
        assertThat(error).isInstanceOf(CamelExecutionException.class);
        Throwable reason = error;
        while (reason != null && !(reason instanceof IllegalArgumentException)) {
            reason = reason.getCause();
        }
        assertThat(reason).as("the converter's error in the chain").isNotNull()
                .hasMessageStartingWith("Cannot read PayRequest from JSON").hasMessageNotContaining("conv-3");
    }

    @Test
    void unmarshalJsonReadsTheModelKeepingUnknownFields() {
        PayResponse response = template.requestBody("direct:unmarshal", PAY_RESPONSE, PayResponse.class);
        assertThat(response.getResult().getResultStatus()).isEqualTo("S");
        assertThat(response.getPaymentId()).isEqualTo("2026000001");
        assertThat(response.getAdditionalProperty("newAntomField")).isEqualTo(42);
    }
}

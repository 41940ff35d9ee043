package io.camelantom.model;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountTest {

    @Test
    void majorUnitsBecomeMinorUnitsByTheCurrencysFractionDigits() {
        assertThat(Amount.of(new BigDecimal("5.99"), "USD")).isEqualTo(new Amount("USD", "599"));
        assertThat(Amount.of(new BigDecimal("599"), "JPY")).isEqualTo(new Amount("JPY", "599"));
        assertThat(Amount.of(new BigDecimal("5.990"), "USD").getValue()).isEqualTo("599");
        assertThat(Amount.of(new BigDecimal("1.234"), "KWD").getValue()).isEqualTo("1234");
        assertThat(Amount.of(BigDecimal.ZERO, "EUR").getValue()).isEqualTo("0");
        assertThat(new Amount("USD", "599").toMajorUnits()).isEqualByComparingTo("5.99");
    }

    @Test
    void refusesWhatTheCurrencyCannotRepresentNamingTheField() {
        assertThatThrownBy(() -> Amount.of("paymentAmount", new BigDecimal("5.5"), "JPY"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("paymentAmount:")
                .hasMessageContaining("JPY has 0 decimal place");
        assertThatThrownBy(() -> Amount.of("refundAmount", new BigDecimal("1.005"), "USD"))
                .hasMessageStartingWith("refundAmount:");
    }

    @Test
    void refusesNegativeAndUnknownCurrency() {
        assertThatThrownBy(() -> Amount.of("paymentAmount", new BigDecimal("-1"), "USD"))
                .hasMessageStartingWith("paymentAmount:").hasMessageContaining("negative");
        assertThatThrownBy(() -> Amount.of("paymentAmount", BigDecimal.ONE, "XYZ"))
                .hasMessageStartingWith("paymentAmount.currency:").hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Amount.of("paymentAmount", BigDecimal.ONE, null))
                .hasMessageStartingWith("paymentAmount.currency:");
    }

    @Test
    void validateRefusesValuesThatAreNotWholeMinorUnits() {
        for (String bad : new String[] { "5.99", "-1", "", "01", "1e3", " 5" }) {
            assertThatThrownBy(() -> new Amount("USD", bad).validate("paymentAmount"))
                    .as(bad).hasMessageStartingWith("paymentAmount.value:");
        }
        new Amount("USD", "0").validate("paymentAmount");
    }

    @Test
    void payRequestValidationNamesTheField() {
        PayRequest pay = new PayRequest();
        assertThatThrownBy(pay::validate).hasMessageStartingWith("paymentRequestId:");
        pay.setPaymentRequestId("p-1");
        assertThatThrownBy(pay::validate).hasMessageStartingWith("paymentAmount:");
        pay.setPaymentAmount(new Amount("JPY", "5.5"));
        assertThatThrownBy(pay::validate).hasMessageStartingWith("paymentAmount.value:");
    }
}

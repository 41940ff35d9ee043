-- camel-antom payment ledger, H2 2.x. Keep in step with schema-postgresql.sql.
-- ${prefix} is replaced by the configured table prefix (default ANTOM_). Every statement is idempotent.

CREATE TABLE IF NOT EXISTS ${prefix}PAYMENT (
    PAYMENT_REQUEST_ID  VARCHAR(64)   NOT NULL,
    ORDER_ID            VARCHAR(256)  NOT NULL,
    ATTEMPT_NO          INTEGER       NOT NULL,
    AMOUNT_MINOR        BIGINT        NOT NULL,
    CURRENCY            VARCHAR(3)    NOT NULL,
    DESCRIPTION         VARCHAR(256),
    -- no CHECK on STATUS: a row in a state this version does not know is reported and skipped by the reader
    STATUS              VARCHAR(16)   NOT NULL,
    PAYMENT_ID          VARCHAR(64),
    RESULT_CODE         VARCHAR(64),
    RESULT_MESSAGE      VARCHAR(512),
    CALL_COUNT          INTEGER       DEFAULT 0 NOT NULL,
    CREATED_AT          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    UPDATED_AT          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    EXPIRES_AT          TIMESTAMP(6) WITH TIME ZONE,
    NEXT_CHECK_AT       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CHECK_COUNT         INTEGER       DEFAULT 0 NOT NULL,
    RESULT_PUBLISHED_AT TIMESTAMP(6) WITH TIME ZONE,
    ORDER_JSON          CHARACTER LARGE OBJECT,
    OPERATOR_NOTE       VARCHAR(512),
    VERSION             BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT ${prefix}PAYMENT_PK PRIMARY KEY (PAYMENT_REQUEST_ID),
    CONSTRAINT ${prefix}PAYMENT_ORDER_ATTEMPT_UQ UNIQUE (ORDER_ID, ATTEMPT_NO)
);

-- the order's attempts are found through ${prefix}PAYMENT_ORDER_ATTEMPT_UQ (ORDER_ID, ATTEMPT_NO)

-- reconciliation: STATUS IN (PROCESSING, UNKNOWN) AND NEXT_CHECK_AT <= now, oldest first
CREATE INDEX IF NOT EXISTS ${prefix}PAYMENT_DUE_IX ON ${prefix}PAYMENT (STATUS, NEXT_CHECK_AT);

-- outbox: final rows whose result message is still owed
CREATE INDEX IF NOT EXISTS ${prefix}PAYMENT_OUTBOX_IX ON ${prefix}PAYMENT (RESULT_PUBLISHED_AT, STATUS, UPDATED_AT);

-- de-duplication store of the notification route: the table Camel's JdbcMessageIdRepository reads and writes
CREATE TABLE IF NOT EXISTS ${prefix}MESSAGE_PROCESSED (
    PROCESSORNAME VARCHAR(255) NOT NULL,
    MESSAGEID     VARCHAR(255) NOT NULL,
    CREATEDAT     TIMESTAMP,
    CONSTRAINT ${prefix}MESSAGE_PROCESSED_PK PRIMARY KEY (PROCESSORNAME, MESSAGEID)
);

-- refunds (issue 18): one row per ERP refund id; REFUND_REQUEST_ID is derived from it like the paymentRequestId
CREATE TABLE IF NOT EXISTS ${prefix}REFUND (
    REFUND_REQUEST_ID   VARCHAR(64)   NOT NULL,
    ERP_REFUND_ID       VARCHAR(256)  NOT NULL,
    PAYMENT_REQUEST_ID  VARCHAR(64)   NOT NULL,
    ORDER_ID            VARCHAR(256)  NOT NULL,
    PAYMENT_ID          VARCHAR(64),
    AMOUNT_MINOR        BIGINT        NOT NULL,
    CURRENCY            VARCHAR(3)    NOT NULL,
    REASON              VARCHAR(256),
    STATUS              VARCHAR(16)   NOT NULL,
    REFUND_ID           VARCHAR(64),
    RESULT_CODE         VARCHAR(64),
    RESULT_MESSAGE      VARCHAR(512),
    CALL_COUNT          INTEGER       DEFAULT 0 NOT NULL,
    CREATED_AT          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    UPDATED_AT          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    NEXT_CHECK_AT       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CHECK_COUNT         INTEGER       DEFAULT 0 NOT NULL,
    RESULT_PUBLISHED_AT TIMESTAMP(6) WITH TIME ZONE,
    REQUEST_JSON        CHARACTER LARGE OBJECT,
    VERSION             BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT ${prefix}REFUND_PK PRIMARY KEY (REFUND_REQUEST_ID)
);

-- a payment's refunds (the amount check sums them)
CREATE INDEX IF NOT EXISTS ${prefix}REFUND_PAYMENT_IX ON ${prefix}REFUND (PAYMENT_REQUEST_ID);

-- reconciliation of refunds: STATUS IN (PENDING, PROCESSING) AND NEXT_CHECK_AT <= now
CREATE INDEX IF NOT EXISTS ${prefix}REFUND_DUE_IX ON ${prefix}REFUND (STATUS, NEXT_CHECK_AT);

-- camel-antom payment ledger, H2 2.x and PostgreSQL 12+. Every statement is idempotent.
-- ${prefix} is replaced by the configured table prefix (default ANTOM_). The two places where the databases differ
-- are named (LedgerSchema.Dialect holds their values; a DBA applying this file by hand replaces them too):
--   ${largeText}          H2: CHARACTER LARGE OBJECT                PostgreSQL: TEXT
--   ${owedIndex}          H2: (STATUS, RESULT_PUBLISHED_AT): H2 looks up the IN list of final states, then
--                         RESULT_PUBLISHED_AT IS NULL, and finds exactly the owed rows
--                         PostgreSQL: (PAYMENT_REQUEST_ID) WHERE RESULT_PUBLISHED_AT IS NULL AND STATUS IN ('PAID',
--                         'FAILED', 'CANCELLED'), a partial index that stays tiny, unlike the table; keyed on the
--                         never-changing id so that a write changing only unindexed columns is a HOT update

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
    ORDER_JSON          ${largeText},
    OPERATOR_NOTE       VARCHAR(512),
    VERSION             BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT ${prefix}PAYMENT_PK PRIMARY KEY (PAYMENT_REQUEST_ID),
    CONSTRAINT ${prefix}PAYMENT_ORDER_ATTEMPT_UQ UNIQUE (ORDER_ID, ATTEMPT_NO)
);

-- the order's attempts are found through ${prefix}PAYMENT_ORDER_ATTEMPT_UQ (ORDER_ID, ATTEMPT_NO)

-- reconciliation: STATUS IN (PROCESSING, UNKNOWN) AND NEXT_CHECK_AT <= now, oldest first
CREATE INDEX IF NOT EXISTS ${prefix}PAYMENT_DUE_IX ON ${prefix}PAYMENT (STATUS, NEXT_CHECK_AT);

-- outbox: final rows whose result message is still owed (the repair sorts the few it finds by UPDATED_AT itself).
-- Without UPDATED_AT, which every write changes, only a change of status or publication updates this index.
CREATE INDEX IF NOT EXISTS ${prefix}PAYMENT_OWED_IX ON ${prefix}PAYMENT ${owedIndex};
-- its predecessor (with UPDATED_AT), dropped from a ledger created before
DROP INDEX IF EXISTS ${prefix}PAYMENT_OUTBOX_IX;

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
    REQUEST_JSON        ${largeText},
    VERSION             BIGINT        DEFAULT 0 NOT NULL,
    CONSTRAINT ${prefix}REFUND_PK PRIMARY KEY (REFUND_REQUEST_ID)
);

-- a payment's refunds (the amount check sums them)
CREATE INDEX IF NOT EXISTS ${prefix}REFUND_PAYMENT_IX ON ${prefix}REFUND (PAYMENT_REQUEST_ID);

-- reconciliation of refunds: STATUS IN (PENDING, PROCESSING) AND NEXT_CHECK_AT <= now
CREATE INDEX IF NOT EXISTS ${prefix}REFUND_DUE_IX ON ${prefix}REFUND (STATUS, NEXT_CHECK_AT);

-- the console's search by Antom's paymentId
CREATE INDEX IF NOT EXISTS ${prefix}PAYMENT_PAYMENT_ID_IX ON ${prefix}PAYMENT (PAYMENT_ID);

-- each payment's history (issue 15), append-only, written in the transaction of the change it records
CREATE TABLE IF NOT EXISTS ${prefix}PAYMENT_EVENT (
    ID                  BIGINT GENERATED BY DEFAULT AS IDENTITY,
    PAYMENT_REQUEST_ID  VARCHAR(64)   NOT NULL,
    AT                  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    KIND                VARCHAR(32)   NOT NULL,
    DETAIL              VARCHAR(1024),
    CONSTRAINT ${prefix}PAYMENT_EVENT_PK PRIMARY KEY (ID)
);

CREATE INDEX IF NOT EXISTS ${prefix}PAYMENT_EVENT_PAYMENT_IX ON ${prefix}PAYMENT_EVENT (PAYMENT_REQUEST_ID, ID);

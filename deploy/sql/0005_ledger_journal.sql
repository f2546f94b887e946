-- The money journal: ArCluster's system of record. Every claim and account is a stream of
-- postings; each posting carries the ledger entries it made. Rows are only ever inserted, by the
-- journal writer. A posting takes the next version of its stream: the unique key on
-- (stream_id, stream_version) is the expected-version check, so of two writers that read the same
-- version only one can commit, and a stale one never can.

CREATE TABLE arcluster_ledger_posting
(
    -- Global append order: consumers (reconciliation, outbox) track how far they have read.
    position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    practice_id    text        NOT NULL,
    -- The caller's idempotency key (or one ArCluster derived); unique within the practice.
    posting_id     text        NOT NULL,
    -- "claim:<practice>/<claim>" or "account:<practice>/<account>".
    stream_id      text        NOT NULL,
    stream_version bigint      NOT NULL CHECK (stream_version > 0),
    operation      text        NOT NULL,
    -- SHA-256 of the command that produced the posting: a resend with the same id must match it.
    command_hash   bytea       NOT NULL CHECK (length(command_hash) = 32),
    posted_at      timestamptz NOT NULL,
    posted_by      text        NOT NULL,
    -- The whole posting as UTF-8 JSON, from which the stream's grain is rebuilt. Stored as text,
    -- not jsonb: it is written once per posting on the hot path and only ever read back whole
    -- (cast to jsonb to query it by hand).
    payload        text        NOT NULL,
    CONSTRAINT arcluster_ledger_posting_id_unique UNIQUE (practice_id, posting_id),
    CONSTRAINT arcluster_ledger_posting_version_unique UNIQUE (stream_id, stream_version)
);

CREATE TABLE arcluster_ledger_entry
(
    practice_id       text          NOT NULL,
    entry_id          text          NOT NULL,
    -- The posting that made the entry; both rows are written by one statement, so no foreign key
    -- check is spent on every entry.
    posting_position  bigint        NOT NULL,
    stream_id         text          NOT NULL,
    account_id        text,
    claim_id          text,
    line_number       integer,
    kind              text          NOT NULL,
    amount            numeric(18, 2) NOT NULL,
    party             text          NOT NULL,
    to_party          text,
    adjustment_group  text,
    reason_code       text,
    payer_id          text,
    reverses_entry_id text,
    reversed_kind     text,
    effective_date    date          NOT NULL,
    posted_at         timestamptz   NOT NULL,
    CONSTRAINT arcluster_ledger_entry_pk PRIMARY KEY (practice_id, entry_id),
    CONSTRAINT arcluster_ledger_entry_reversal CHECK ((kind = 'Reversal') = (reverses_entry_id IS NOT NULL AND reversed_kind IS NOT NULL))
);

CREATE INDEX arcluster_ledger_entry_by_day ON arcluster_ledger_entry (practice_id, effective_date);

-- History is never changed: corrections are new reversing postings.
CREATE FUNCTION arcluster_ledger_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the ledger journal is append-only: % on % is refused; post a reversal instead', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER arcluster_ledger_posting_append_only
    BEFORE UPDATE OR DELETE ON arcluster_ledger_posting
    FOR EACH ROW EXECUTE FUNCTION arcluster_ledger_refuse_change();
CREATE TRIGGER arcluster_ledger_posting_no_truncate
    BEFORE TRUNCATE ON arcluster_ledger_posting
    FOR EACH STATEMENT EXECUTE FUNCTION arcluster_ledger_refuse_change();
CREATE TRIGGER arcluster_ledger_entry_append_only
    BEFORE UPDATE OR DELETE ON arcluster_ledger_entry
    FOR EACH ROW EXECUTE FUNCTION arcluster_ledger_refuse_change();
CREATE TRIGGER arcluster_ledger_entry_no_truncate
    BEFORE TRUNCATE ON arcluster_ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION arcluster_ledger_refuse_change();

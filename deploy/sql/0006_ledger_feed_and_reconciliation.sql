-- The ledger feed and cash reconciliation.
--
-- The journal is its own outbox: a posting and its place in the feed are one row, written in one
-- transaction, so nothing durable can miss the feed and nothing unposted can reach it. Feed order is
-- (transaction_id, position). Positions are reserved before a batch commits, so a lower position can
-- become visible after a higher one; ordering by the writing transaction first fixes that: every
-- transaction older than the oldest one still running (pg_snapshot_xmin) has finished, so the feed
-- below that point never changes again and a reader can move through it without skipping a row.

ALTER TABLE arcluster_ledger_posting ADD COLUMN transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX arcluster_ledger_posting_feed ON arcluster_ledger_posting (transaction_id, position);
-- One practice's part of the feed: what a consumer reads back when it finds a gap, or rebuilds.
CREATE INDEX arcluster_ledger_posting_practice_feed ON arcluster_ledger_posting (practice_id, transaction_id, position);

-- The EFT trace or check number of a remittance advice (TRN02) or a bank deposit: what
-- reassociation matches on.
ALTER TABLE arcluster_ledger_entry ADD COLUMN reference text;
CREATE INDEX arcluster_ledger_entry_by_posting ON arcluster_ledger_entry (posting_position);
-- A practice's remittance advices and deposits (and their reversals), read whole when its
-- reconciliation starts; a partial index, so claim postings pay nothing for it.
CREATE INDEX arcluster_ledger_entry_cash ON arcluster_ledger_entry (practice_id)
    WHERE kind IN ('RemittanceAdvice', 'Deposit') OR reversed_kind IN ('RemittanceAdvice', 'Deposit');

-- How far the feed publisher has seen every consumer confirm: where it starts again after a restart.
CREATE TABLE arcluster_ledger_feed_cursor
(
    feed           text PRIMARY KEY,
    transaction_id xid8        NOT NULL,
    position       bigint      NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- How far each consumer has applied each practice's feed. Written in the same transaction as the
-- consumer's totals, so a total never counts an entry its mark does not cover, or the reverse.
CREATE TABLE arcluster_ledger_feed_mark
(
    consumer       text   NOT NULL,
    practice_id    text   NOT NULL,
    transaction_id xid8   NOT NULL,
    position       bigint NOT NULL,
    CONSTRAINT arcluster_ledger_feed_mark_pk PRIMARY KEY (consumer, practice_id)
);

-- Reconciliation totals: one amount per practice, day (the entries' effective date), category,
-- payer and detail (the CAS group of an adjustment; '' where none applies). Derived data: it can be
-- dropped and rebuilt from the journal at any time.
CREATE TABLE arcluster_reconciliation_total
(
    practice_id text           NOT NULL,
    day         date           NOT NULL,
    category    text           NOT NULL,
    payer_id    text           NOT NULL,
    detail      text           NOT NULL,
    amount      numeric(18, 2) NOT NULL,
    CONSTRAINT arcluster_reconciliation_total_pk PRIMARY KEY (practice_id, day, category, payer_id, detail)
);

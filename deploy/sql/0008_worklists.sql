-- Worklists: what billing staff must act on (follow-up, denials, underpayments, timely-filing risk,
-- unapplied remittance money), and every action taken on them.
--
-- An item's key is unique within its practice and derived from its source (the claim and the event,
-- or the remittance and the claim payment), so a source raising it again inserts nothing. Its scope
-- is that source ('claim:C1001', 'remittance:PAYER/TRACE'): a source re-states the whole set of its
-- open items at once, and the items of its scope it no longer names are cleared.
--
-- States: open; closed by a user (appealed, corrected, written_off, resolved), which the system never
-- changes again; closed by the system (cleared: the source no longer needs it; superseded: raised
-- already out of date), which the system reopens if the source names it again.
CREATE TABLE arcluster_worklist_item
(
    practice_id     text           NOT NULL,
    item_key        text           NOT NULL,
    scope           text           NOT NULL,
    kind            text           NOT NULL,
    claim_id        text,
    account_id      text,
    payer_id        text,
    amount          numeric(14, 2) NOT NULL,
    reason          text           NOT NULL,
    detail          text,
    due_on          date           NOT NULL,
    deadline        date,
    escalated       boolean        NOT NULL DEFAULT false,
    raised_at       timestamptz    NOT NULL,
    state           text           NOT NULL DEFAULT 'open'
        CONSTRAINT arcluster_worklist_item_state CHECK (state IN ('open', 'appealed', 'corrected', 'written_off', 'resolved', 'cleared', 'superseded')),
    resolved_at     timestamptz,
    resolved_by     text,
    assigned_to     text,
    appeal_deadline date,
    CONSTRAINT arcluster_worklist_item_pk PRIMARY KEY (practice_id, item_key)
);

-- A list as billers read it: one practice's open items of one kind (and payer), escalated first.
CREATE INDEX arcluster_worklist_item_open ON arcluster_worklist_item (practice_id, kind, payer_id, escalated DESC, deadline, due_on)
    WHERE state = 'open';
-- What a source re-states when it syncs: its scope's items.
CREATE INDEX arcluster_worklist_item_scope ON arcluster_worklist_item (practice_id, scope, state);

-- Who did what to an item, and when. Append-only: a correction is a new action.
CREATE TABLE arcluster_worklist_action
(
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    practice_id text        NOT NULL,
    item_key    text        NOT NULL,
    -- The caller's idempotency key: the same action sent again is recorded once.
    action_id   text        NOT NULL,
    action      text        NOT NULL,
    actor       text        NOT NULL,
    acted_at    timestamptz NOT NULL,
    note        text,
    deadline    date,
    assignee    text,
    -- The claim posting the action made (a write-off), if any.
    posting_id  text,
    CONSTRAINT arcluster_worklist_action_once UNIQUE (practice_id, action_id),
    CONSTRAINT arcluster_worklist_action_item FOREIGN KEY (practice_id, item_key) REFERENCES arcluster_worklist_item (practice_id, item_key)
);
CREATE INDEX arcluster_worklist_action_by_item ON arcluster_worklist_action (practice_id, item_key, id);

CREATE FUNCTION arcluster_worklist_action_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'worklist actions are append-only: % on % is refused; record a new action instead', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER arcluster_worklist_action_append_only
    BEFORE UPDATE OR DELETE ON arcluster_worklist_action
    FOR EACH ROW EXECUTE FUNCTION arcluster_worklist_action_append_only();
CREATE TRIGGER arcluster_worklist_action_no_truncate
    BEFORE TRUNCATE ON arcluster_worklist_action
    FOR EACH STATEMENT EXECUTE FUNCTION arcluster_worklist_action_append_only();

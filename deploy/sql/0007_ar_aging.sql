-- Live AR aging: every practice's open claims with what each party owes on them, and patient
-- credit on accounts not applied to any claim. Kept by the aging consumer of the ledger feed, in
-- the same transaction as its mark in arcluster_ledger_feed_mark (consumer 'aging'), so a balance
-- never counts an entry its mark does not cover. Open claims only: a claim whose three balances are
-- all zero is deleted. Derived data: it can be dropped and rebuilt from the journal at any time.

CREATE TABLE arcluster_ar_open_claim
(
    practice_id        text           NOT NULL,
    claim_id           text           NOT NULL,
    account_id         text           NOT NULL,
    first_service_date date           NOT NULL,
    -- The day the claim was opened (its first posting, UTC): what submission-basis aging counts from.
    billed_on          date           NOT NULL,
    primary_payer_id   text,
    secondary_payer_id text,
    primary_balance    numeric(18, 2) NOT NULL,
    secondary_balance  numeric(18, 2) NOT NULL,
    patient_balance    numeric(18, 2) NOT NULL,
    CONSTRAINT arcluster_ar_open_claim_pk PRIMARY KEY (practice_id, claim_id),
    CONSTRAINT arcluster_ar_open_claim_open CHECK (primary_balance <> 0 OR secondary_balance <> 0 OR patient_balance <> 0)
);

-- Patient payments kept on an account because no claim could take them, less refunds: negative,
-- part of total AR, aged by no date.
CREATE TABLE arcluster_ar_unapplied_credit
(
    practice_id text           NOT NULL,
    account_id  text           NOT NULL,
    amount      numeric(18, 2) NOT NULL CHECK (amount <> 0),
    CONSTRAINT arcluster_ar_unapplied_credit_pk PRIMARY KEY (practice_id, account_id)
);

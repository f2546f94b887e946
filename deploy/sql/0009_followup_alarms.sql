-- The business day each open claim's follow-up reminder is armed for: one row per claim with a
-- reminder, kept beside Orleans' own reminder row (which holds only a wall-clock start time).
-- It shows how many claims wake on each day (reminder-service load) and lets an operator see
-- which claims are waiting on what.
CREATE TABLE arcluster_followup_alarm
(
    practice_id text        NOT NULL,
    claim_id    text        NOT NULL,
    due_on      date        NOT NULL,
    armed_at    timestamptz NOT NULL,
    PRIMARY KEY (practice_id, claim_id)
);

CREATE INDEX arcluster_followup_alarm_due ON arcluster_followup_alarm (due_on);

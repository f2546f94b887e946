-- Grain state for Orleans ADO.NET grain storage.
--
-- Where this improves on the upstream script:
--  * A unique key on a grain state's identity (service, state name, grain id, key extension). The
--    upstream table has none, so two activations racing to create the same state could both insert
--    and later reads would pick either row. Here the loser's insert does nothing and it gets a
--    version conflict (InconsistentStateException), which is what Orleans expects.
--  * A 64-bit version. The provider's ETag is a 32-bit int, so the statements hand it the version
--    modulo 2^31-1; the stored counter itself never overflows, and an ETag comparison can only be
--    fooled by a writer that is 2^31-1 writes behind.
--  * No derived hash columns: lookups use the unique key's index directly.
--
-- The provider passes the grain's *state name* as @GrainTypeString (not the grain class), so every
-- grain class must use its own state name or two grains with the same key would share a row.
CREATE TABLE orleans_grain_state
(
    service_id    varchar(150) NOT NULL,
    state_name    varchar(512) NOT NULL,
    grain_id_n0   bigint       NOT NULL,
    grain_id_n1   bigint       NOT NULL,
    grain_key_ext text         NULL,
    payload       bytea        NULL,
    version       bigint       NOT NULL,
    modified_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_orleans_grain_state
        UNIQUE NULLS NOT DISTINCT (service_id, state_name, grain_id_n0, grain_id_n1, grain_key_ext),
    CONSTRAINT ck_orleans_grain_state_version CHECK (version > 0)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', '
    SELECT payload AS "PayloadBinary",
           (version % 2147483647)::integer AS "Version"
    FROM orleans_grain_state
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_key_ext IS NOT DISTINCT FROM @GrainIdExtensionString;'),

-- With an ETag the row must still carry that version (optimistic concurrency); without one the state
-- must not exist yet. Exactly one row comes back: the new ETag, or NULL when the write lost, which
-- the provider turns into an InconsistentStateException.
('WriteToStorageKey', '
    WITH updated AS (
        UPDATE orleans_grain_state
        SET payload = @PayloadBinary, version = version + 1, modified_at = now()
        WHERE @GrainStateVersion IS NOT NULL
          AND service_id = @ServiceId AND state_name = @GrainTypeString
          AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
          AND grain_key_ext IS NOT DISTINCT FROM @GrainIdExtensionString
          AND version % 2147483647 = @GrainStateVersion
        RETURNING version),
    inserted AS (
        INSERT INTO orleans_grain_state
            (service_id, state_name, grain_id_n0, grain_id_n1, grain_key_ext, payload, version)
        SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
               @PayloadBinary, 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT ON CONSTRAINT uq_orleans_grain_state DO NOTHING
        RETURNING version),
    written AS (
        SELECT version FROM updated
        UNION ALL
        SELECT version FROM inserted)
    SELECT (SELECT (version % 2147483647)::integer FROM written) AS "NewGrainStateVersion";'),

-- Clearing keeps the row (and its version) so a later write by a stale activation still conflicts.
('ClearStorageKey', '
    UPDATE orleans_grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_key_ext IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version % 2147483647 = @GrainStateVersion
    RETURNING (version % 2147483647)::integer AS "NewGrainStateVersion";'),

-- Used only with DeleteStateOnClear. The provider treats "same version back" as a conflict, so a
-- successful delete answers with the next version.
('DeleteStorageKey', '
    DELETE FROM orleans_grain_state
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_key_ext IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version % 2147483647 = @GrainStateVersion
    RETURNING ((version + 1) % 2147483647)::integer AS "NewGrainStateVersion";')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

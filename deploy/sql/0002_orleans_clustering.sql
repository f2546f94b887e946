-- Cluster membership for Orleans ADO.NET clustering (silos and the gateway list clients read).
-- Statements are registered under the keys Orleans.Clustering.AdoNet 10.x looks up; every key it
-- requires must exist or the provider refuses to start ("Not all required queries found").

-- One row per cluster: every membership change bumps its version, which is the optimistic
-- concurrency token the membership protocol relies on. The provider parses it as a 32-bit int.
CREATE TABLE orleans_membership_version
(
    deployment_id varchar(150) NOT NULL,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleans_membership_version PRIMARY KEY (deployment_id)
);

CREATE TABLE orleans_membership
(
    deployment_id   varchar(150) NOT NULL,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NULL,
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    CONSTRAINT pk_orleans_membership PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT fk_orleans_membership_version FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id)
);

-- Every membership change takes the cluster's version row lock first and proceeds only if the
-- caller saw the current version. Under READ COMMITTED a row changed by a concurrent writer is
-- re-checked after that writer commits, so two silos can never both succeed on the same version.
CREATE FUNCTION arcluster_membership_lock_version(p_deployment_id varchar, p_version integer)
RETURNS boolean
LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM 1 FROM orleans_membership_version
    WHERE deployment_id = p_deployment_id AND version = p_version
    FOR UPDATE;
    RETURN FOUND;
END
$$;

CREATE FUNCTION arcluster_membership_bump_version(p_deployment_id varchar)
RETURNS void
LANGUAGE sql AS
$$
    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;
$$;

-- Inserts a silo row and bumps the table version in one step, only if the caller saw the current
-- version.
CREATE FUNCTION arcluster_membership_insert(
    p_deployment_id   varchar,
    p_address         varchar,
    p_port            integer,
    p_generation      integer,
    p_silo_name       varchar,
    p_host_name       varchar,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql AS
$$
BEGIN
    IF NOT arcluster_membership_lock_version(p_deployment_id, p_version) THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
         start_time, i_am_alive_time)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
         p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT ON CONSTRAINT pk_orleans_membership DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    PERFORM arcluster_membership_bump_version(p_deployment_id);
    RETURN true;
END
$$;

-- Same protocol as the insert: lock and check the version, change the row, bump the version.
CREATE FUNCTION arcluster_membership_update(
    p_deployment_id   varchar,
    p_address         varchar,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   text,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql AS
$$
BEGIN
    IF NOT arcluster_membership_lock_version(p_deployment_id, p_version) THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
    SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
    WHERE deployment_id = p_deployment_id AND address = p_address
      AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    PERFORM arcluster_membership_bump_version(p_deployment_id);
    RETURN true;
END
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', '
    WITH inserted AS (
        INSERT INTO orleans_membership_version (deployment_id)
        VALUES (@DeploymentId)
        ON CONFLICT ON CONSTRAINT pk_orleans_membership_version DO NOTHING
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM inserted);'),

('InsertMembershipKey', '
    SELECT arcluster_membership_insert(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
        @StartTime, @IAmAliveTime, @Version);'),

('UpdateMembershipKey', '
    SELECT arcluster_membership_update(
        @DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version);'),

('UpdateIAmAlivetimeKey', '
    UPDATE orleans_membership
    SET i_am_alive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId AND address = @Address
      AND port = @Port AND generation = @Generation;'),

-- The version row is returned even when the silo has no row yet (the LEFT JOIN), because the
-- provider takes the table version from it.
('MembershipReadRowKey', '
    SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
           m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
           m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime", v.version AS "Version"
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m
           ON m.deployment_id = v.deployment_id
          AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.deployment_id = @DeploymentId;'),

('MembershipReadAllKey', '
    SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
           m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
           m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime", v.version AS "Version"
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId;'),

('DeleteMembershipTableEntriesKey', '
    DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;'),

-- Status 3 is SiloStatus.Active: clients only ever see gateways of live silos.
('GatewaysQueryKey', '
    SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
    FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;'),

-- Bulk clean-up of silos that stopped heart-beating before the cut-off; active rows are kept.
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId
      AND i_am_alive_time < @IAmAliveTime
      AND status <> 3;'),

-- Preferred by the provider when present: deletes one dead silo (status 6) only if its row is still
-- exactly as the provider read it, so a row that changed in between is never removed.
('CleanupDefunctSiloEntryKey', '
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND address = @Address
      AND port = @Port AND generation = @Generation
      AND status = 6
      AND start_time = @StartTime
      AND i_am_alive_time = @IAmAliveTime
      AND suspect_times IS NOT DISTINCT FROM @SuspectTimes;')
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;

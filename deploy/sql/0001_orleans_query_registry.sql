-- The Orleans ADO.NET providers ship no SQL: at start-up each reads the statements it runs from this
-- table, by key, and binds its own fixed parameter names (@DeploymentId, @GrainIdN0, ...). The table
-- and column names here are the providers' contract; everything the statements touch is ours.
CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);

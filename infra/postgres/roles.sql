-- Least-privilege PostgreSQL roles for Seismo. Run once per database as a superuser (or the
-- database owner), e.g. `psql -v ON_ERROR_STOP=1 -d seismo -f infra/postgres/roles.sql`, then set
-- the passwords outside version control: ALTER ROLE seismo_migrator PASSWORD '…'; (same for the others).
--
--   seismo_owner     NOLOGIN   owns the `seismo` schema and every table in it
--   seismo_migrator  LOGIN     member of seismo_owner: applies migrations (a deploy job, or the
--                              first process started with its URL); the only role that runs DDL
--   seismo_app       LOGIN     API and workers: read and write rows, nothing else (no DDL, no
--                              TRUNCATE, no other schema)
--   seismo_readonly  LOGIN     analysts and BI tools: SELECT only
--
-- Every process runs `migrate()` on start; once the migrator has applied them it only reads
-- `schema_migrations`, which seismo_app may do. The app URL puts its connections in the schema:
--   postgres://seismo_app:…@host:5432/seismo?options=-c%20search_path%3Dseismo
-- (the roles below also default to that search_path, so the option is belt and braces).

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'seismo_owner') THEN
    CREATE ROLE seismo_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'seismo_migrator') THEN
    CREATE ROLE seismo_migrator LOGIN IN ROLE seismo_owner;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'seismo_app') THEN
    CREATE ROLE seismo_app LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'seismo_readonly') THEN
    CREATE ROLE seismo_readonly LOGIN;
  END IF;
END
$$;

-- Nobody gets anything by default; each role gets exactly what is granted below.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
DO $$
BEGIN
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO seismo_migrator, seismo_app, seismo_readonly', current_database());
  EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO seismo_migrator', current_database());
END
$$;

CREATE SCHEMA IF NOT EXISTS seismo AUTHORIZATION seismo_owner;
REVOKE ALL ON SCHEMA seismo FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA seismo TO seismo_owner;
GRANT USAGE ON SCHEMA seismo TO seismo_app, seismo_readonly;

ALTER ROLE seismo_migrator SET search_path = seismo;
ALTER ROLE seismo_migrator SET role = seismo_owner; -- tables it creates belong to seismo_owner
ALTER ROLE seismo_app SET search_path = seismo;
ALTER ROLE seismo_readonly SET search_path = seismo;
ALTER ROLE seismo_readonly SET default_transaction_read_only = on;
-- A stuck query or an abandoned transaction must not hold locks forever.
ALTER ROLE seismo_app SET statement_timeout = '60s';
ALTER ROLE seismo_app SET idle_in_transaction_session_timeout = '60s';
ALTER ROLE seismo_readonly SET statement_timeout = '120s';

-- Tables and sequences that exist now…
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA seismo TO seismo_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA seismo TO seismo_app;
GRANT SELECT ON ALL TABLES IN SCHEMA seismo TO seismo_readonly;
-- …and those later migrations create (as seismo_owner).
ALTER DEFAULT PRIVILEGES FOR ROLE seismo_owner IN SCHEMA seismo
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO seismo_app;
ALTER DEFAULT PRIVILEGES FOR ROLE seismo_owner IN SCHEMA seismo
  GRANT USAGE, SELECT ON SEQUENCES TO seismo_app;
ALTER DEFAULT PRIVILEGES FOR ROLE seismo_owner IN SCHEMA seismo
  GRANT SELECT ON TABLES TO seismo_readonly;

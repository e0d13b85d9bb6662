-- Nothing lost: every insert, update, soft delete, status change and restore of a layer record writes
-- one history entry, in the same transaction, from a row trigger, whatever wrote it. The writer says
-- who and through which channel with transaction-local settings (envgis.user, envgis.user_id,
-- envgis.unit, envgis.channel, envgis.action, envgis.comment); a change without them (a migration,
-- the sample data, a manual SQL fix) is recorded as channel 'system'.

CREATE TABLE envgis.record_history (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    layer              text NOT NULL,
    record_id          bigint NOT NULL,
    action             text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'submit', 'approve', 'reject',
                                                       'publish', 'restore', 'status', 'purge')),
    version            integer NOT NULL,        -- the record's version after the change (before, for a purge)
    from_status        text,
    to_status          text,
    user_name          text NOT NULL,
    user_id            bigint,
    unit_code          text,
    channel            text NOT NULL CHECK (channel IN ('portal', 'api', 'wfs-t', 'system')),
    comment            text,
    at                 timestamptz NOT NULL DEFAULT now(),
    before_attributes  jsonb,                   -- every column but the geometry, as it was
    before_geom        geometry,
    after_attributes   jsonb,                   -- and as it became (null after a purge)
    after_geom         geometry
);
CREATE INDEX record_history_record_idx ON envgis.record_history (layer, record_id, id);
CREATE INDEX record_history_user_idx ON envgis.record_history (user_name, at);

CREATE FUNCTION envgis.record_history() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_action  text := nullif(current_setting('envgis.action', true), '');
    v_channel text := coalesce(nullif(current_setting('envgis.channel', true), ''), 'system');
    v_user    text := nullif(current_setting('envgis.user', true), '');
BEGIN
    IF TG_OP = 'INSERT' THEN
        v_action := 'insert';
        v_user := coalesce(v_user, NEW.created_by);
    ELSIF TG_OP = 'DELETE' THEN
        v_action := 'purge';
        v_user := coalesce(v_user, session_user);
    ELSE
        v_user := coalesce(v_user, NEW.updated_by);
        IF v_action IS NULL OR v_action = 'insert' THEN
            v_action := CASE
                WHEN NEW.status = 'archived' AND OLD.status <> 'archived' THEN 'delete'
                WHEN NEW.status <> OLD.status THEN 'status'
                ELSE 'update' END;
        END IF;
    END IF;

    INSERT INTO envgis.record_history (layer, record_id, action, version, from_status, to_status, user_name,
                                       user_id, unit_code, channel, comment, before_attributes, before_geom,
                                       after_attributes, after_geom)
    VALUES (TG_TABLE_NAME,
            CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END,
            v_action,
            CASE WHEN TG_OP = 'DELETE' THEN OLD.version ELSE NEW.version END,
            CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.status END,
            CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.status END,
            v_user,
            nullif(current_setting('envgis.user_id', true), '')::bigint,
            nullif(current_setting('envgis.unit', true), ''),
            v_channel,
            nullif(current_setting('envgis.comment', true), ''),
            CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) - 'geom' END,
            CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.geom END,
            CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) - 'geom' END,
            CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.geom END);
    RETURN NULL;
END
$$;

-- Attaches the history trigger to a layer's table; a migration that adds a layer calls it after
-- catalogue.create_layer_table.
CREATE FUNCTION catalogue.track_record_history(p_layer text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER record_history AFTER INSERT OR UPDATE OR DELETE ON data.%I
                    FOR EACH ROW EXECUTE FUNCTION envgis.record_history()', p_layer);
END
$$;

SELECT catalogue.track_record_history(name) FROM catalogue.layers;

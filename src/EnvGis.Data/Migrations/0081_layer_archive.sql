-- Removing a layer at run time keeps its data (docs/catalogue.md "Removing a layer"): the layer's table
-- moves, whole, into the archive schema as archive.<layer>__<history id>, with its triggers off so it
-- stays exactly as it was; the records' history (envgis.record_history) and attachments stay where
-- they are. The history entry says where the table went.
CREATE SCHEMA archive;

ALTER TABLE catalogue.history DROP CONSTRAINT history_action_check;
ALTER TABLE catalogue.history ADD CONSTRAINT history_action_check
    CHECK (action IN ('add-layer', 'change-layer', 'remove-layer', 'add-attribute', 'change-attribute', 'remove-attribute', 'change-category'));

-- Moves a layer's table to the archive under the history entry's id; returns its qualified name.
CREATE FUNCTION catalogue.archive_layer_table(p_layer text, p_change bigint) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_name text := p_layer || '__' || p_change;
BEGIN
    EXECUTE format('ALTER TABLE data.%I DISABLE TRIGGER USER', p_layer);
    EXECUTE format('ALTER TABLE data.%I SET SCHEMA archive', p_layer);
    EXECUTE format('ALTER TABLE archive.%I RENAME TO %I', p_layer, v_name);
    RETURN 'archive.' || v_name;
END
$$;
